using System.Text.Json;
using RestSharp;

namespace FakeBaseSpace.Tests;

/// <summary>
/// What the strictest SDK parsers demand of every success reply, walked field by field: the envelope with an
/// empty ResponseStatus and a Notifications list, no JSON null anywhere, seven-digit dates (file creation dates
/// ending in Z), relative hrefs, and References whose Content is an object. Also each resource's documented fields.
/// </summary>
public sealed class StrictReplyTests : FakeTest
{
    private string _token = null!;
    private Dictionary<string, string> _ids = null!;
    private readonly Dictionary<string, RestResponse> _writeReplies = [];

    /// <summary>A running app's day: a result referencing the input, a file, properties, logs, a status change.</summary>
    [OneTimeSetUp]
    public void RunAnApp()
    {
        var (launch, token) = LaunchWithToken(Ada);
        _token = token;
        _ids = Ids(Ada, ("session", launch.AppSessionId));
        _ids["file"] = Ok(Get($"samples/{Ada.Sample.Id}/files", token)).GetProperty("Items")[0].GetProperty("Id").GetString()!;

        var created = Write("create AppResult", PostJson($"projects/{Ada.Project.Id}/appresults?appsessionid={launch.AppSessionId}", token, new
        {
            Name = "Strict", Description = "walked",
            References = new[] { new { Rel = "using", Type = "Sample", HrefContent = $"v1pre3/samples/{Ada.Sample.Id}" } },
        }));
        _ids["result"] = Ok(created, 201).GetProperty("Id").GetString()!;
        Write("upload a file", Send(Method.Post, $"appresults/{_ids["result"]}/files?name=out.txt&directory=out", token,
            r => r.AddBody("result\n", ContentType.Plain)));
        Write("write properties", PostJson($"appresults/{_ids["result"]}/properties", token, new
        {
            Properties = new object[]
            {
                new { Type = "sample[]", Name = "Input.Samples", Items = new[] { $"v1pre3/samples/{Ada.Sample.Id}" } },
                new { Type = "string", Name = "Output.Note", Content = "hello" },
                new { Type = "map", Name = "Output.Map", ContentMap = new[] { new { Key = "lane", Values = new[] { "1" } } } },
            },
        }));
        Write("open the log file set", Send(Method.Post, $"appsessions/{launch.AppSessionId}/logs", token));
        Write("set the status", PostJson($"appsessions/{launch.AppSessionId}", token, new { Status = "NeedsAttention", StatusSummary = "look" }));
        Write("create a project", PostJson("projects", TokenWithScopes(Ada, "create projects"), new { Name = "Strict Project" }));
    }

    private RestResponse Write(string what, RestResponse response) => _writeReplies[what] = response;

    private string Path(string template) => Fill(template, _ids);

    [TestCase("users/current")]
    [TestCase("users/current/projects")]
    [TestCase("users/current/appsessions")]
    [TestCase("users/current/runs")]
    [TestCase("projects/{project}")]
    [TestCase("projects/{project}/samples")]
    [TestCase("projects/{project}/appresults")]
    [TestCase("samples/{sample}")]
    [TestCase("samples/{sample}/files")]
    [TestCase("samples/{sample}/properties")]
    [TestCase("files/{file}")]
    [TestCase("appsessions/{session}")]
    [TestCase("appsessions/{session}/appresults")]
    [TestCase("appsessions/{session}/properties")]
    [TestCase("appsessions/{session}/properties/Input.sample-id")]
    [TestCase("appsessions/{session}/logs")]
    [TestCase("appresults/{result}")]
    [TestCase("appresults/{result}/files")]
    [TestCase("appresults/{result}/properties")]
    [TestCase("appresults/{result}/properties/Output.Map")]
    [TestCase("appresults/{result}/properties/Input.Samples/items")]
    [TestCase("oauthv2/token/current")]
    public void Every_read_reply_satisfies_the_strictest_parsers(string template) => AssertStrict(Get(Path(template), _token), template);

    [Test]
    public void Every_write_reply_satisfies_the_strictest_parsers()
    {
        Assert.Multiple(() =>
        {
            foreach (var (what, response) in _writeReplies) AssertStrict(response, what);
        });
    }

    [Test]
    public void Redirect_meta_is_strict_too_and_its_HrefContent_is_absolute()
    {
        var body = AssertStrict(Get($"files/{_ids["file"]}/content?redirect=meta", _token), "redirect=meta");
        var meta = body.GetProperty("Response");
        Assert.That(FieldNames(meta), Is.EquivalentTo(new[] { "HrefContent", "Expires", "SupportsRange" }));
        Assert.That(new Uri(meta.GetProperty("HrefContent").GetString()!).Scheme, Is.EqualTo("https"));
        Assert.That(meta.GetProperty("SupportsRange").ValueKind, Is.AnyOf(JsonValueKind.True, JsonValueKind.False));
    }

    [TestCase("users/current", "Id,Href,Name,Email,GravatarUrl,DateCreated,DateLastActive,HrefRuns,HrefProjects")]
    [TestCase("oauthv2/token/current", "Id,Href,AccessToken,Application,UserResourceOwner,Status,DateCreated,Scopes")]
    [TestCase("appsessions/{session}", "Id,Href,Name,Application,UserCreatedBy,Status,StatusSummary,DateCreated,ModifiedOn,OriginatingUri,HrefLogs,References,Properties")]
    [TestCase("projects/{project}", "Id,Href,Name,Description,UserOwnedBy,DateCreated,DateModified,HasCollaborators,TotalSize,HrefSamples,HrefAppResults,HrefBaseSpaceUI,Permissions")]
    [TestCase("samples/{sample}", "Id,Href,Name,SampleId,SampleNumber,ExperimentName,Read1,Read2,IsPairedEnd,NumReadsRaw,NumReadsPF,HrefFiles,HrefGenome,AppSession,Status,TotalSize")]
    [TestCase("appresults/{result}", "Id,Href,Name,Description,Status,StatusSummary,HrefFiles,AppSession,References,TotalSize")]
    [TestCase("files/{file}", "Id,Href,Name,ContentType,Size,Path,DateCreated,UploadStatus,HrefContent,HrefParts")]
    public void Resources_carry_the_documented_fields(string template, string fields)
    {
        var resource = Ok(Get(Path(template), _token));
        Assert.That(FieldNames(resource), Is.SupersetOf(fields.Split(',')), template);
    }

    [Test]
    public void AppSession_nested_objects_carry_their_documented_fields()
    {
        var session = Ok(Get($"appsessions/{_ids["session"]}", _token));
        Assert.That(FieldNames(session.GetProperty("Application")), Is.SupersetOf(new[] { "Id", "Href", "Name", "CompanyName", "VersionNumber" }));
        Assert.That(FieldNames(session.GetProperty("UserCreatedBy")), Is.SupersetOf(new[] { "Id", "Href", "Name" }));
        Assert.That(FieldNames(session.GetProperty("Properties")), Is.SupersetOf(new[] { "Items", "DisplayedCount", "TotalCount", "Href" }));
        foreach (var reference in session.GetProperty("References").EnumerateArray())
            Assert.That(FieldNames(reference), Is.SupersetOf(new[] { "Rel", "Type", "Href", "HrefContent", "Content" }));
    }

    /// <summary>The envelope and every field in it; returns the whole body.</summary>
    private static JsonElement AssertStrict(RestResponse response, string what)
    {
        Assert.That((int)response.StatusCode, Is.InRange(200, 201), $"{what}: {response.Content}");
        var body = Json(response);
        Assert.That(FieldNames(body), Is.EquivalentTo(new[] { "Response", "ResponseStatus", "Notifications" }), what);
        Assert.That(body.GetProperty("ResponseStatus").ValueKind, Is.EqualTo(JsonValueKind.Object), what);
        Assert.That(FieldNames(body.GetProperty("ResponseStatus")), Is.Empty, $"{what}: ResponseStatus must be {{}} (not even ErrorCode: null)");
        Assert.That(body.GetProperty("Notifications").ValueKind, Is.EqualTo(JsonValueKind.Array), what);
        Walk(body.GetProperty("Response"), what, isMeta: what == "redirect=meta");
        return body;
    }

    private static void Walk(JsonElement element, string at, bool isMeta)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                Assert.Fail($"{at} is JSON null");
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray()) Walk(item, $"{at}[{index++}]", isMeta);
                break;
            case JsonValueKind.Object:
                var isFile = element.TryGetProperty("UploadStatus", out _);
                foreach (var field in element.EnumerateObject())
                {
                    var path = $"{at}.{field.Name}";
                    if (field.Value.ValueKind == JsonValueKind.Null) Assert.Fail($"{path} is JSON null");
                    if (field.Name.StartsWith("Date") || field.Name is "ModifiedOn" or "Expires")
                        Assert.That(field.Value.GetString(), Does.Match(isFile && field.Name == "DateCreated" ? FileDate : OtherDate), path);
                    if (field.Name.StartsWith("Href") && field.Name != "HrefBaseSpaceUI" && !isMeta)
                        Assert.That(field.Value.GetString(), Is.Empty.Or.StartsWith("v1pre3/"), $"{path}: hrefs are relative");
                    if (field.Name == "References")
                        foreach (var reference in field.Value.EnumerateArray())
                            Assert.That(reference.GetProperty("Content").ValueKind, Is.EqualTo(JsonValueKind.Object), $"{path}[].Content");
                    Walk(field.Value, path, isMeta);
                }
                break;
        }
    }

    private const string OtherDate = @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}$";
    private const string FileDate = @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$";
}
