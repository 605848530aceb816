using System.Net;
using System.Text;
using RestSharp;

namespace FakeBaseSpace.Tests;

/// <summary>Users see only their own data, whatever scopes their token claims.</summary>
public sealed class TenantIsolationTests : FakeTest
{
    private string _adaToken = null!;
    private string _benFileId = null!;

    [OneTimeSetUp]
    public void Tokens()
    {
        _adaToken = LaunchWithToken(Ada).Token;
        var benToken = LaunchWithToken(Ben).Token;
        _benFileId = Ok(Get($"samples/{Ben.Sample.Id}/files", benToken)).GetProperty("Items")[0].GetProperty("Id").GetString()!;
    }

    [TestCase("projects/{project}")]
    [TestCase("projects/{project}/samples")]
    [TestCase("projects/{project}/appresults")]
    [TestCase("samples/{sample}")]
    [TestCase("samples/{sample}/files")]
    [TestCase("samples/{sample}/properties")]
    [TestCase("files/{file}")]
    [TestCase("files/{file}/content")]
    [TestCase("users/{user}")]
    public void Another_users_resources_are_forbidden(string template)
    {
        var path = Fill(template, Ids(Ben, ("file", _benFileId)));
        var response = Get(path, _adaToken);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), response.Content);
        Assert.That(response.Content, Does.Not.Contain(Ben.Sample.Name).And.Not.Contain("Ben Project"));
    }

    [Test]
    public void A_global_scope_does_not_reach_another_users_project()
    {
        var token = TokenWithScopes(Ada, "read global, write global");
        Assert.That(Get($"projects/{Ben.Project.Id}", token).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(Get($"files/{_benFileId}/content", token).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public void The_project_list_holds_only_the_users_own_projects()
    {
        var token = TokenWithScopes(Ada, "browse global");
        var names = Ok(Get("users/current/projects", token)).GetProperty("Items").EnumerateArray().Select(p => p.GetProperty("Name").GetString());
        Assert.That(names, Does.Contain("Ada Project").And.Not.Contain("Ben Project"));
    }

    [Test]
    public void Another_users_AppSession_is_forbidden()
    {
        var benLaunch = Launch(Ben);
        Assert.That(Get($"appsessions/{benLaunch.AppSessionId}", _adaToken).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var update = PostJson($"appsessions/{benLaunch.AppSessionId}", _adaToken, new { Status = "Aborted" });
        Assert.That(update.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(State.GetAppSession(benLaunch.AppSessionId).Status, Is.EqualTo("Running"));
    }

    [Test]
    public void An_AppResult_cannot_be_written_into_another_users_project()
    {
        var launch = Launch(Ada);
        var token = Trade(launch.AuthorizationCode);
        var response = PostJson($"projects/{Ben.Project.Id}/appresults?appsessionid={launch.AppSessionId}", token, new { Name = "Intruder" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public void An_AppResult_cannot_reference_another_users_sample()
    {
        var (launch, token) = LaunchWithToken(Ada);
        var response = PostJson($"projects/{Ada.Project.Id}/appresults?appsessionid={launch.AppSessionId}", token, new
        {
            Name = "Borrowed", References = new[] { new { Rel = "using", Type = "Sample", HrefContent = $"v1pre3/samples/{Ben.Sample.Id}" } },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public void A_property_cannot_point_at_another_users_sample()
    {
        var (launch, token) = LaunchWithToken(Ada);
        var response = PostJson($"appsessions/{launch.AppSessionId}/properties", token, new
        {
            Properties = new[] { new { Type = "sample", Name = "Output.Sample", Content = $"v1pre3/samples/{Ben.Sample.Id}" } },
        });
        Assert.That((int)response.StatusCode, Is.EqualTo(409));
        Assert.That(ErrorCode(response), Is.EqualTo("BASESPACE.PROPERTIES.CONTENT_REFERENCE_NOT_RESOLVED"));
    }

    [Test]
    public void App_credentials_read_only_their_own_apps_sessions()
    {
        var launch = Launch(Ada);
        var other = RegisterApp("Someone Else");
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{other.ClientId}:{other.ClientSecret}"));
        var response = Send(Method.Get, $"appsessions/{launch.AppSessionId}", build: r => r.AddHeader("Authorization", "Basic " + basic));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(Json(response).GetProperty("ResponseStatus").GetProperty("Message").GetString(),
            Is.EqualTo("App credentials do not match AppSession application"));
    }

    [Test]
    public void A_token_of_another_app_cannot_read_the_session()
    {
        var other = RegisterApp("Other Token App");
        var (_, otherToken) = LaunchWithToken(Ada, other);
        var launch = Launch(Ada);
        Assert.That(Get($"appsessions/{launch.AppSessionId}", otherToken).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
