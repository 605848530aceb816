using System.Text.Json;

namespace FakeBaseSpace.Tests;

/// <summary>
/// Requests exactly as real SDKs write them, byte for byte (an HTTP library would tidy them): bare trailing
/// '?', trailing '/', doubled slashes on both origins, and Content-Type: application/json on a GET.
/// </summary>
public sealed class ClientQuirkTests : FakeTest
{
    private string _token = null!;

    [OneTimeSetUp]
    public void Token() => _token = LaunchWithToken(Ada).Token;

    private RawHttps.Response SendRaw(string method, string target, string? token, string body = "", params (string, string)[] headers) =>
        RawHttps.Send(Server.ApiOrigin, method, target, headers.Append(("Authorization", "Bearer " + token)), body);

    private static JsonElement Response(RawHttps.Response reply, int status = 200)
    {
        Assert.That(reply.StatusCode, Is.EqualTo(status), reply.Body);
        return JsonDocument.Parse(reply.Body).RootElement.GetProperty("Response").Clone();
    }

    [TestCase("/v1pre3/users/current?")]
    [TestCase("/v1pre3//users/current")]
    [TestCase("//v1pre3/users/current")]
    [TestCase("/v1pre3/users/current/")]
    [TestCase("/v1pre3/users/current/?")]
    public void Odd_request_targets_name_the_same_resource(string target) =>
        Assert.That(Response(SendRaw("GET", target, _token)).GetProperty("Id").GetString(), Is.EqualTo(Ada.User.Id));

    [Test]
    public void Post_projects_with_a_trailing_slash_and_a_bare_question_mark_creates_the_project()
    {
        var token = TokenWithScopes(Ada, "create projects");
        var reply = SendRaw("POST", "/v1pre3/projects/?", token, """{"Name":"Quirk Project"}""", ("Content-Type", "application/json"));
        Assert.That(Response(reply, 201).GetProperty("Name").GetString(), Is.EqualTo("Quirk Project"));
        Assert.That(Response(SendRaw("POST", "/v1pre3/projects/?", token, "name=Quirk+Project", ("Content-Type", "application/x-www-form-urlencoded")))
            .GetProperty("Name").GetString(), Is.EqualTo("Quirk Project"));
    }

    [TestCase("/v1pre3/users/current")]
    [TestCase("/v1pre3/users/current/projects")]
    [TestCase("/v1pre3/appsessions/{session}")]
    public void A_get_labelled_application_json_with_no_body_is_answered_normally(string target)
    {
        var launch = Launch(Ada);
        var token = Trade(launch.AuthorizationCode);
        var reply = SendRaw("GET", target.Replace("{session}", launch.AppSessionId), token, "", ("Content-Type", "application/json"));
        Assert.That(Response(reply).ValueKind, Is.EqualTo(JsonValueKind.Object));
        var withLength = SendRaw("GET", target.Replace("{session}", launch.AppSessionId), token, "",
            ("Content-Type", "application/json"), ("Content-Length", "0"));
        Assert.That(withLength.StatusCode, Is.EqualTo(200), withLength.Body);
    }

    [Test]
    public void A_doubled_slash_reaches_authorize_on_the_web_origin()
    {
        var cookie = State.CreateWebSession(Ada.User.Id);
        var reply = RawHttps.Send(Server.WebUrl, "GET", "/" + WebBrowserSession.AuthorizeQuery(App, "browse global"),
            [("Cookie", $"{WebSession.CookieName}={cookie}")]);
        Assert.That(reply.StatusCode, Is.EqualTo(200), reply.Body);
        Assert.That(reply.Body, Does.Contain("Approve").And.Contain(App.Name));
    }
}
