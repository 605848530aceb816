using System.Net;
using System.Text;
using System.Web;
using RestSharp;

namespace FakeBaseSpace.Tests;

/// <summary>
/// The older launch: the trigger has no code; the app reads the AppSession with HTTP Basic client credentials,
/// then asks the user for the scopes it wants through /oauth/authorize.
/// </summary>
public sealed class NotPreAuthorizedLaunchTests : FakeTest
{
    [Test]
    public void The_trigger_has_no_code()
    {
        var launch = State.LaunchApp(App, Ada.User.Id, Ada.Sample.Id, Ada.Project.Id, LaunchMode.NotPreAuthorized);
        var query = HttpUtility.ParseQueryString(new Uri(launch.TriggerUrl).Query);
        Assert.That(query["action"], Is.EqualTo("trigger"));
        Assert.That(query["appsessionuri"], Is.EqualTo(launch.AppSessionUri));
        Assert.That(query["authorization_code"], Is.Null);
        Assert.That(launch.AuthorizationCode, Is.Empty);
    }

    [Test]
    public void The_app_reads_the_session_with_basic_then_gets_a_token_through_consent()
    {
        var launch = State.LaunchApp(App, Ada.User.Id, Ada.Sample.Id, Ada.Project.Id, LaunchMode.NotPreAuthorized);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{App.ClientId}:{App.ClientSecret}"));
        var session = Ok(Send(Method.Get, launch.AppSessionUri["v1pre3/".Length..], build: r => r.AddHeader("Authorization", "Basic " + basic)));
        var sampleHref = session.GetProperty("References")[0].GetProperty("Href").GetString()!;
        Assert.That(sampleHref, Is.EqualTo($"v1pre3/samples/{Ada.Sample.Id}"));

        var scope = $"read project {Ada.Project.Id}, write project {Ada.Project.Id}";
        var token = TokenWithScopes(Ada, scope);
        var status = PostJson($"appsessions/{launch.AppSessionId}", token, new { Status = "Complete", StatusSummary = "done" });
        Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void Wrong_client_credentials_are_401()
    {
        var launch = Launch(Ada);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{App.ClientId}:wrong-secret"));
        var response = Send(Method.Get, $"appsessions/{launch.AppSessionId}", build: r => r.AddHeader("Authorization", "Basic " + basic));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
