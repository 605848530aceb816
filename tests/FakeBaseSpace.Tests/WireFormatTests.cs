using System.Net;
using System.Text.Json;
using RestSharp;

namespace FakeBaseSpace.Tests;

/// <summary>The envelope, errors, dates, hrefs, token placements and the odd paths real clients send.</summary>
public sealed class WireFormatTests : FakeTest
{
    private string _token = null!;

    [OneTimeSetUp]
    public void Token() => _token = LaunchWithToken(Ada).Token;

    [Test]
    public void Success_has_an_empty_ResponseStatus_and_a_Notifications_list()
    {
        var body = Json(Get("users/current", _token));
        Assert.That(body.GetProperty("ResponseStatus").ValueKind, Is.EqualTo(JsonValueKind.Object));
        Assert.That(body.GetProperty("ResponseStatus").EnumerateObject().Count(), Is.Zero, "no ErrorCode key at all");
        Assert.That(body.GetProperty("Notifications").ValueKind, Is.EqualTo(JsonValueKind.Array));
    }

    [Test]
    public void Users_current_has_the_documented_fields()
    {
        var user = Ok(Get("users/current", _token));
        foreach (var field in new[] { "Id", "Href", "Name", "Email", "GravatarUrl", "DateCreated", "DateLastActive", "HrefRuns", "HrefProjects" })
            Assert.That(user.TryGetProperty(field, out _), field);
        Assert.That(user.GetProperty("Href").GetString(), Is.EqualTo($"v1pre3/users/{Ada.User.Id}"));
        Assert.That(user.GetProperty("DateCreated").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}$"));
    }

    [Test]
    public void Lists_carry_paging_fields()
    {
        var list = Ok(Get("users/current/projects", _token));
        foreach (var field in new[] { "Items", "DisplayedCount", "TotalCount", "Offset", "Limit", "SortDir", "SortBy" })
            Assert.That(list.TryGetProperty(field, out _), field);
        Assert.That(list.GetProperty("Limit").GetInt32(), Is.EqualTo(10));
    }

    [Test]
    public void File_dates_end_in_Z()
    {
        var files = Ok(Get($"samples/{Ada.Sample.Id}/files", _token)).GetProperty("Items");
        Assert.That(files[0].GetProperty("DateCreated").GetString(), Does.Match(@"\.\d{7}Z$"));
    }

    [Test]
    public void Both_origins_are_reached_as_localhost_trusting_only_the_test_ca()
    {
        // Fake.Client() refuses a certificate that does not chain to the test CA or does not name the host.
        foreach (var origin in new[] { Server.ApiOrigin, Server.WebUrl })
        {
            var url = origin.Replace("127.0.0.1", "localhost");
            var response = Client.Execute(new RestRequest(url + (origin == Server.ApiOrigin ? "/v1pre3/users/current" : "/"))
                .AddHeader("Authorization", "Bearer " + _token));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{url}: {response.ErrorMessage}");
        }
    }

    [Test]
    public void The_token_may_come_as_bearer_as_x_access_token_or_in_the_query()
    {
        Assert.That(Ok(Send(Method.Get, "users/current", build: r => r.AddHeader("x-access-token", _token))).GetProperty("Id").GetString(), Is.EqualTo(Ada.User.Id));
        Assert.That(Ok(Send(Method.Get, "users/current", build: r => r.AddQueryParameter("access_token", _token))).GetProperty("Id").GetString(), Is.EqualTo(Ada.User.Id));
    }

    [Test]
    public void A_missing_token_is_401_in_BaseSpace_error_shape()
    {
        var response = Get("users/current", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var status = Json(response).GetProperty("ResponseStatus");
        Assert.That(status.GetProperty("ErrorCode").GetString(), Is.Not.Empty);
        Assert.That(status.GetProperty("Message").GetString(), Is.Not.Empty);
        Assert.That(status.GetProperty("Errors").ValueKind, Is.EqualTo(JsonValueKind.Array));
    }

    [Test]
    public void An_unknown_token_is_401()
    {
        Assert.That(Get("users/current", "not-a-token-not-a-token-not-a-token").StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public void An_unknown_resource_is_404()
    {
        var response = Get("samples/999999", _token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(ErrorCode(response), Is.EqualTo("BASESPACE.COMMON.NOT_FOUND"));
    }

    [Test]
    public void Offset_limit_and_sort_page_a_list()
    {
        var files = Ok(Get($"samples/{Ada.Sample.Id}/files?Limit=1&Offset=1&SortBy=Name&SortDir=Desc", _token));
        Assert.That(files.GetProperty("TotalCount").GetInt32(), Is.EqualTo(2));
        Assert.That(files.GetProperty("DisplayedCount").GetInt32(), Is.EqualTo(1));
        Assert.That(files.GetProperty("SortDir").GetString(), Is.EqualTo("Desc"));
        Assert.That(files.GetProperty("Items")[0].GetProperty("Name").GetString(), Does.Contain("_R1_"));
    }

    [TestCase("users/current/projects", "Limit=0", 200)]
    [TestCase("users/current/projects", "Limit=1024", 200)]
    [TestCase("users/current/projects", "Limit=1025", 400)]
    [TestCase("users/current/projects", "Limit=-1", 400)]
    [TestCase("users/current/projects", "Limit=ten", 400)]
    [TestCase("users/current/projects", "Offset=-1", 400)]
    [TestCase("users/current/projects", "SortDir=Sideways", 400)]
    [TestCase("users/current/projects", "sortdir=desc&sortby=name", 200)]
    [TestCase("projects/{project}/samples", "Limit=1024", 200)]
    [TestCase("projects/{project}/samples", "Limit=1025", 400)]
    [TestCase("projects/{project}/appresults", "Limit=1025&Statuses=Running", 400)]
    [TestCase("users/current/appsessions", "Limit=1025", 400)]
    [TestCase("samples/{sample}/files", "Limit=0", 200)]
    [TestCase("samples/{sample}/files", "Limit=1000", 200)]
    [TestCase("samples/{sample}/files", "Limit=1001", 400)]
    [TestCase("samples/{sample}/files", "Limit=5000", 400)]
    [TestCase("samples/{sample}/files", "SortBy=Path", 200)]
    [TestCase("samples/{sample}/files", "SortBy=Colour", 400)]
    public void Limit_is_0_to_1024_and_0_to_1000_for_files_and_anything_else_is_400(string list, string query, int status)
    {
        var path = Fill(list, Ids(Ada));
        var response = Get($"{path}?{query}", _token);
        Assert.That((int)response.StatusCode, Is.EqualTo(status), response.Content);
        if (status == 400) Assert.That(ErrorCode(response), Is.EqualTo("BASESPACE.COMMON.INVALID_PARAMETER"));
    }

    [Test]
    public void Limit_0_shows_no_items_but_counts_them_all()
    {
        var list = Ok(Get($"samples/{Ada.Sample.Id}/files?Limit=0", _token));
        Assert.That(list.GetProperty("Items").GetArrayLength(), Is.Zero);
        Assert.That(list.GetProperty("DisplayedCount").GetInt32(), Is.Zero);
        Assert.That(list.GetProperty("TotalCount").GetInt32(), Is.EqualTo(2));
        Assert.That(list.GetProperty("Limit").GetInt32(), Is.Zero);
    }

    [Test]
    public void Name_filters_the_project_list()
    {
        var token = TokenWithScopes(Ada, "browse global");
        var list = Ok(Get("users/current/projects?Name=ada%20project", token));
        Assert.That(list.GetProperty("Items").EnumerateArray().Select(p => p.GetProperty("Name").GetString()), Is.EqualTo(new[] { "Ada Project" }));
        var sorted = Ok(Get("users/current/projects?SortBy=Name&SortDir=Desc&Limit=1024", token)).GetProperty("Items").EnumerateArray()
            .Select(p => p.GetProperty("Name").GetString()).ToArray();
        Assert.That(sorted, Is.EqualTo(sorted.OrderByDescending(n => n, StringComparer.Ordinal).ToArray()));
    }

    [Test]
    public void An_unknown_sort_field_is_refused()
    {
        Assert.That(Get($"samples/{Ada.Sample.Id}/files?SortBy=Colour", _token).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public void The_users_hrefs_lead_to_lists()
    {
        var user = Ok(Get("users/current", _token));
        foreach (var field in new[] { "HrefProjects", "HrefRuns" })
        {
            var list = Ok(Get(user.GetProperty(field).GetString()!["v1pre3/".Length..], _token));
            Assert.That(list.GetProperty("Items").ValueKind, Is.EqualTo(JsonValueKind.Array), field);
        }
        Assert.That(Get($"users/{Ben.User.Id}/projects", _token).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
