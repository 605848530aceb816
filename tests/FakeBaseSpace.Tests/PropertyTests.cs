using System.Net;
using System.Text.Json;

namespace FakeBaseSpace.Tests;

/// <summary>Properties: written as {"Properties":[…]}, read back whole, one by one, and item by item.</summary>
public sealed class PropertyTests : FakeTest
{
    private string _token = null!;
    private AppLaunch _launch = null!;
    private string _appResultId = null!;

    [OneTimeSetUp]
    public void AppResult()
    {
        (_launch, _token) = LaunchWithToken(Ada);
        _appResultId = Ok(PostJson($"projects/{Ada.Project.Id}/appresults?appsessionid={_launch.AppSessionId}", _token, new { Name = "Props" }), 201)
            .GetProperty("Id").GetString()!;
    }

    [Test]
    public void AppResult_properties_are_written_and_read_back()
    {
        var write = PostJson($"appresults/{_appResultId}/properties", _token, new
        {
            Properties = new object[]
            {
                new { Type = "sample[]", Name = "Input.Samples", Items = new[] { $"v1pre3/samples/{Ada.Sample.Id}" } },
                new { Type = "string", Name = "Output.Note", Description = "free text", Content = "hello" },
            },
        });
        Assert.That((int)write.StatusCode, Is.EqualTo(201), write.Content);

        var all = Ok(Get($"appresults/{_appResultId}/properties", _token)).GetProperty("Items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("Name").GetString()!);
        Assert.That(all["Input.Samples"].GetProperty("Items")[0].GetProperty("Id").GetString(), Is.EqualTo(Ada.Sample.Id));
        Assert.That(all["Output.Note"].GetProperty("Content").GetString(), Is.EqualTo("hello"));

        var one = Ok(Get($"appresults/{_appResultId}/properties/Output.Note", _token));
        Assert.That(one.GetProperty("Href").GetString(), Is.EqualTo($"v1pre3/appresults/{_appResultId}/properties/Output.Note"));
        var items = Ok(Get($"appresults/{_appResultId}/properties/Input.Samples/items", _token)).GetProperty("Items");
        Assert.That(items[0].GetProperty("Content").GetProperty("Name").GetString(), Is.EqualTo(Ada.Sample.Name));
        Assert.That(Ok(Get($"appresults/{_appResultId}", _token)).GetProperty("Properties").GetProperty("TotalCount").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public void AppSession_outputs_are_written_by_the_app_with_short_hrefs()
    {
        var write = PostJson($"appsessions/{_launch.AppSessionId}/properties", _token, new
        {
            Properties = new[] { new { Type = "appresult[]", Name = "Output.AppResults", Items = new[] { $"appresults/{_appResultId}" } } },
        });
        Assert.That((int)write.StatusCode, Is.EqualTo(201), write.Content);
        var property = Ok(Get($"appsessions/{_launch.AppSessionId}/properties/Output.AppResults", _token));
        Assert.That(property.GetProperty("Items")[0].GetProperty("Id").GetString(), Is.EqualTo(_appResultId));
    }

    [Test]
    public void Rewriting_a_property_replaces_it()
    {
        Ok(PostJson($"appresults/{_appResultId}/properties", _token, new { Properties = new[] { new { Type = "string", Name = "Test.Value", Content = "1" } } }), 201);
        Ok(PostJson($"appresults/{_appResultId}/properties", _token, new { Properties = new[] { new { Type = "string", Name = "Test.Value", Content = "2" } } }), 201);
        Assert.That(Ok(Get($"appresults/{_appResultId}/properties/Test.Value", _token)).GetProperty("Content").GetString(), Is.EqualTo("2"));
    }

    /// <summary>A fresh AppResult, so a test's properties do not meet another's.</summary>
    private string NewAppResult() =>
        Ok(PostJson($"projects/{Ada.Project.Id}/appresults?appsessionid={_launch.AppSessionId}", _token, new { Name = "Props" }), 201)
            .GetProperty("Id").GetString()!;

    [Test]
    public void A_deleted_property_is_410_RESOURCE_REMOVED_until_written_again()
    {
        var resultId = NewAppResult();
        Ok(PostJson($"appresults/{resultId}/properties", _token, new { Properties = new[] { new { Type = "string[]", Name = "Test.Gone", Items = new[] { "x" } } } }), 201);
        Assert.That(Send(RestSharp.Method.Delete, $"appresults/{resultId}/properties/Test.Gone", _token).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        foreach (var (method, path) in new[]
                 {
                     (RestSharp.Method.Get, "properties/Test.Gone"), (RestSharp.Method.Get, "properties/test.gone/items"),
                     (RestSharp.Method.Delete, "properties/Test.Gone"),
                 })
        {
            var removed = Send(method, $"appresults/{resultId}/{path}", _token);
            Assert.That((int)removed.StatusCode, Is.EqualTo(410), $"{method} {path}");
            Assert.That(ErrorCode(removed), Is.EqualTo("BASESPACE.COMMON.RESOURCE_REMOVED"));
        }
        Assert.That(Ok(Get($"appresults/{resultId}/properties?Limit=1024", _token)).GetProperty("Items").EnumerateArray()
            .Select(p => p.GetProperty("Name").GetString()), Does.Not.Contain("Test.Gone"));

        Ok(PostJson($"appresults/{resultId}/properties", _token, new { Properties = new[] { new { Type = "string", Name = "Test.Gone", Content = "back" } } }), 201);
        Assert.That(Ok(Get($"appresults/{resultId}/properties/Test.Gone", _token)).GetProperty("Content").GetString(), Is.EqualTo("back"));
    }

    [Test]
    public void A_property_that_never_existed_is_404_NOT_FOUND()
    {
        var resultId = NewAppResult();
        var missing = Get($"appresults/{resultId}/properties/Test.Never", _token);
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(ErrorCode(missing), Is.EqualTo("BASESPACE.PROPERTIES.NOT_FOUND"));
    }

    [TestCase("project", "v1pre3/projects/{project}", "{project}")]
    [TestCase("sample", "samples/{sample}", "{sample}")]
    [TestCase("appresult", "v1pre3/appresults/{appresult}", "{appresult}")]
    [TestCase("appsession", "appsessions/{appsession}", "{appsession}")]
    [TestCase("file", "v1pre3/files/{file}", "{file}")]
    public void Every_reference_type_and_its_list_round_trip_as_objects(string type, string hrefTemplate, string idTemplate)
    {
        var resultId = NewAppResult();
        var file = Ok(Get($"samples/{Ada.Sample.Id}/files", _token)).GetProperty("Items")[0].GetProperty("Id").GetString()!;
        var ids = Ids(Ada, ("appresult", resultId), ("appsession", _launch.AppSessionId), ("file", file));
        var href = Fill(hrefTemplate, ids);
        var write = PostJson($"appresults/{resultId}/properties", _token, new
        {
            Properties = new object[]
            {
                new { Type = type, Name = $"Test.One{type}", Content = href },
                new { Type = type + "[]", Name = $"Test.Many{type}", Items = new[] { href, href } },
            },
        });
        Assert.That((int)write.StatusCode, Is.EqualTo(201), write.Content);
        var one = Ok(Get($"appresults/{resultId}/properties/Test.One{type}", _token));
        Assert.That(one.GetProperty("Type").GetString(), Is.EqualTo(type));
        Assert.That(one.GetProperty("Content").ValueKind, Is.EqualTo(JsonValueKind.Object));
        Assert.That(one.GetProperty("Content").GetProperty("Id").GetString(), Is.EqualTo(Fill(idTemplate, ids)));
        var items = Ok(Get($"appresults/{resultId}/properties/Test.Many{type}/items", _token)).GetProperty("Items");
        Assert.That(items.GetArrayLength(), Is.EqualTo(2));
        Assert.That(items[1].GetProperty("Id").GetString(), Is.EqualTo("2"));
        Assert.That(items[1].GetProperty("Content").GetProperty("Id").GetString(), Is.EqualTo(Fill(idTemplate, ids)));
    }

    [Test]
    public void String_lists_round_trip_and_runs_do_not_resolve()
    {
        var resultId = NewAppResult();
        Ok(PostJson($"appresults/{resultId}/properties", _token, new { Properties = new[] { new { Type = "string[]", Name = "Test.Words", Items = new[] { "a", "b" } } } }), 201);
        Assert.That(Ok(Get($"appresults/{resultId}/properties/Test.Words", _token)).GetProperty("Items").EnumerateArray().Select(i => i.GetString()),
            Is.EqualTo(new[] { "a", "b" }));
        var run = PostJson($"appresults/{resultId}/properties", _token, new { Properties = new[] { new { Type = "run", Name = "Test.Run", Content = "v1pre3/runs/1" } } });
        Assert.That((int)run.StatusCode, Is.EqualTo(409));
        Assert.That(ErrorCode(run), Is.EqualTo("BASESPACE.PROPERTIES.CONTENT_REFERENCE_NOT_RESOLVED"));
    }

    [Test]
    public void A_name_of_exactly_64_characters_is_accepted()
    {
        var resultId = NewAppResult();
        var name = "Test." + new string('n', 59);
        Assert.That((int)PostJson($"appresults/{resultId}/properties", _token, new { Properties = new[] { new { Type = "string", Name = name, Content = "x" } } }).StatusCode,
            Is.EqualTo(201));
    }

    [TestCase("string", "NoDot", "x", 400, "BASESPACE.PROPERTIES.NAME_INVALID")]
    [TestCase("string", "Too.Long.0123456789012345678901234567890123456789012345678901234567890", "x", 400, "BASESPACE.PROPERTIES.NAME_LENGTH")]
    [TestCase("banana", "Test.Type", "x", 400, "BASESPACE.PROPERTIES.TYPE_INVALID")]
    [TestCase("sample", "Test.Ref", "not-a-href", 400, "BASESPACE.PROPERTIES.CONTENT_REFERENCE_INVALID")]
    [TestCase("sample", "Test.Ref", "v1pre3/projects/2001", 400, "BASESPACE.PROPERTIES.CONTENT_REFERENCE_INVALID")]
    [TestCase("sample", "Test.Ref", "v1pre3/samples/999999", 409, "BASESPACE.PROPERTIES.CONTENT_REFERENCE_NOT_RESOLVED")]
    public void Invalid_properties_are_refused_with_BaseSpace_codes(string type, string name, string content, int status, string code)
    {
        var response = PostJson($"appresults/{_appResultId}/properties", _token, new { Properties = new[] { new { Type = type, Name = name, Content = content } } });
        Assert.That((int)response.StatusCode, Is.EqualTo(status), response.Content);
        Assert.That(ErrorCode(response), Is.EqualTo(code));
    }

    [Test]
    public void Duplicate_names_in_one_request_are_refused()
    {
        var response = PostJson($"appresults/{_appResultId}/properties", _token, new
        {
            Properties = new[] { new { Type = "string", Name = "Test.Twice", Content = "a" }, new { Type = "string", Name = "test.twice", Content = "b" } },
        });
        Assert.That(ErrorCode(response), Is.EqualTo("BASESPACE.PROPERTIES.DUPLICATE_NAMES"));
    }

    [TestCase("samples/{sample}")]
    [TestCase("projects/{project}")]
    [TestCase("appsessions/{session}")]
    [TestCase("appresults/{result}")]
    public void Properties_are_written_and_read_on_every_owner(string ownerTemplate)
    {
        var owner = Fill(ownerTemplate, Ids(Ada, ("session", _launch.AppSessionId), ("result", NewAppResult())));
        var name = "Test.Owner" + ownerTemplate.Split('/')[0];
        Ok(PostJson($"{owner}/properties", _token, new { Properties = new[] { new { Type = "string", Name = name, Content = owner } } }), 201);
        Assert.That(Ok(Get($"{owner}/properties/{name}", _token)).GetProperty("Content").GetString(), Is.EqualTo(owner));
    }

    [Test]
    public void Reading_properties_of_a_sample_needs_access_to_its_project()
    {
        var list = Ok(Get($"samples/{Ada.Sample.Id}/properties", _token));
        Assert.That(list.GetProperty("Items").ValueKind, Is.EqualTo(JsonValueKind.Array));
    }

    [Test]
    public void Map_and_map_list_properties_round_trip()
    {
        var write = PostJson($"appsessions/{_launch.AppSessionId}/properties", _token, new
        {
            Properties = new object[]
            {
                new { Type = "map", Name = "Input.sample-id.attributes", ContentMap = new[] { new { Key = "lane", Values = new[] { "1", "2" } } } },
                new
                {
                    Type = "map[]", Name = "Input.rows.attributes",
                    ItemsMap = new[] { new[] { new { Key = "row", Values = new[] { "1" } } }, new[] { new { Key = "row", Values = new[] { "2" } } } },
                },
            },
        });
        Assert.That((int)write.StatusCode, Is.EqualTo(201), write.Content);
        var map = Ok(Get($"appsessions/{_launch.AppSessionId}/properties/Input.sample-id.attributes", _token)).GetProperty("ContentMap");
        Assert.That(map[0].GetProperty("Key").GetString(), Is.EqualTo("lane"));
        Assert.That(map[0].GetProperty("Values").EnumerateArray().Select(v => v.GetString()), Is.EqualTo(new[] { "1", "2" }));
        var items = Ok(Get($"appsessions/{_launch.AppSessionId}/properties/Input.rows.attributes/items", _token)).GetProperty("Items");
        Assert.That(items.GetArrayLength(), Is.EqualTo(2));
        Assert.That(items[1].GetProperty("Content")[0].GetProperty("Values")[0].GetString(), Is.EqualTo("2"));
    }

    [TestCase("bad key!", "x", "BASESPACE.PROPERTIES.CONTENT_MAP_KEY_INVALID")]
    [TestCase("same", "same", "BASESPACE.PROPERTIES.CONTENT_MAP_DUPES")]
    public void Bad_maps_are_refused(string firstKey, string secondKey, string code)
    {
        var response = PostJson($"appresults/{_appResultId}/properties", _token, new
        {
            Properties = new[]
            {
                new { Type = "map", Name = "Test.Map", ContentMap = new[] { new { Key = firstKey, Values = new[] { "a" } }, new { Key = secondKey, Values = new[] { "b" } } } },
            },
        });
        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        Assert.That(ErrorCode(response), Is.EqualTo(code));
    }
}
