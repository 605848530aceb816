using System.Net;
using System.Web;
using RestSharp;

namespace FakeBaseSpace.Tests;

/// <summary>The web origin: front page, launcher, sign-in, consent, the page a user returns to.</summary>
public sealed class WebOriginTests : FakeTest
{
    private RestResponse Anonymous(string pathAndQuery) => Client.Execute(new RestRequest(Server.WebUrl + pathAndQuery));

    private static string Location(RestResponse response) => response.Headers!.First(h => h.Name == "Location").Value!;

    [Test]
    public void The_front_page_names_BaseSpace_and_the_signed_in_user()
    {
        Assert.That(Anonymous("/").Content, Does.Contain("BaseSpace").And.Contain("not signed in"));
        var page = new WebBrowserSession(Client, Ada).Get("/");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Content, Does.StartWith("<!DOCTYPE html>").And.Contain("Ada Tenant"));
    }

    [Test]
    public void The_launcher_sends_the_browser_to_the_trigger_url_signed_in()
    {
        var launch = Launch(Ada);
        var response = Anonymous(new Uri(launch.WebLaunchUrl).AbsolutePath);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        Assert.That(Location(response), Is.EqualTo(launch.TriggerUrl));
        Assert.That(response.Headers!.First(h => h.Name == "Set-Cookie").Value, Does.StartWith(WebSession.CookieName + "="));
    }

    [Test]
    public void Authorize_without_a_session_shows_a_sign_in_page_that_continues_to_consent()
    {
        var page = Anonymous(WebBrowserSession.AuthorizeQuery(App, "browse global"));
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Content, Does.Contain("Sign in as Ada Tenant").And.Contain("Sign in as Ben Tenant"));

        var signIn = Client.Execute(new RestRequest(Server.WebUrl + "/signin", Method.Post)
            .AddParameter("user_id", Ben.User.Id).AddParameter("continue", WebBrowserSession.AuthorizeQuery(App, "browse global")));
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        Assert.That(Location(signIn), Does.StartWith("/oauth/authorize?"));
        var cookie = signIn.Headers!.First(h => h.Name == "Set-Cookie").Value!;
        Assert.That(cookie, Does.Contain("HttpOnly").And.Contain("Secure"));
        var consent = Client.Execute(new RestRequest(Server.WebUrl + Location(signIn)).AddHeader("Cookie", cookie.Split(';')[0]));
        Assert.That(consent.Content, Does.Contain(App.Name).And.Contain("browse global").And.Contain("Approve").And.Contain("Deny"));
    }

    [Test]
    public void Approval_returns_a_code_the_state_and_the_action()
    {
        var back = new WebBrowserSession(Client, Ada).Decide(App, "read global", "approve");
        var query = HttpUtility.ParseQueryString(back.Query);
        Assert.That(back.GetLeftPart(UriPartial.Path), Is.EqualTo(WebBrowserSession.CallbackUri));
        Assert.That(query["state"], Is.EqualTo("xyz"));
        Assert.That(query["action"], Is.EqualTo("oauthv2authorization"));
        var token = Trade(query["code"]!, redirectUri: WebBrowserSession.CallbackUri);
        Assert.That(Ok(Get("users/current", token)).GetProperty("Id").GetString(), Is.EqualTo(Ada.User.Id));
    }

    [Test]
    public void Refusal_returns_access_denied_with_a_description()
    {
        var back = new WebBrowserSession(Client, Ada).Decide(App, "read global", "deny");
        var query = HttpUtility.ParseQueryString(back.Query);
        Assert.That(query["error"], Is.EqualTo("access_denied"));
        Assert.That(query["error_description"], Is.Not.Empty);
        Assert.That(query["code"], Is.Null);
        Assert.That(query["state"], Is.EqualTo("xyz"));
    }

    [Test]
    public void A_redirect_uri_off_the_apps_origin_is_refused_without_redirecting()
    {
        var response = new WebBrowserSession(Client, Ada).Get(WebBrowserSession.AuthorizeQuery(App, "browse global", redirectUri: "https://evil.example/cb"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public void On_loopback_the_scheme_and_port_of_the_redirect_uri_may_differ()
    {
        var response = new WebBrowserSession(Client, Ada).Get(WebBrowserSession.AuthorizeQuery(App, "browse global", redirectUri: "http://localhost:5000/cb"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void An_unknown_client_is_refused()
    {
        var response = Anonymous("/oauth/authorize?client_id=nobody&redirect_uri=https%3A%2F%2F127.0.0.1%3A9443%2Fcb&response_type=code");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public void An_invalid_scope_is_sent_back_as_invalid_scope()
    {
        var response = new WebBrowserSession(Client, Ada).Get(WebBrowserSession.AuthorizeQuery(App, "fly everywhere"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        Assert.That(HttpUtility.ParseQueryString(new Uri(Location(response)).Query)["error"], Is.EqualTo("invalid_scope"));
    }

    [Test]
    public void The_originating_project_page_shows_the_owners_project_only()
    {
        Assert.That(new WebBrowserSession(Client, Ada).Get($"/projects/{Ada.Project.Id}").Content, Does.Contain("Ada Project"));
        Assert.That(new WebBrowserSession(Client, Ada).Get($"/projects/{Ben.Project.Id}").StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase(ConsentMode.Approve, "code")]
    [TestCase(ConsentMode.Deny, "error")]
    public void A_scripted_user_answers_without_a_consent_page(ConsentMode mode, string field)
    {
        State.Consent = mode;
        try
        {
            var response = new WebBrowserSession(Client, Ada).Get(WebBrowserSession.AuthorizeQuery(App, "browse global"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found));
            var query = HttpUtility.ParseQueryString(new Uri(Location(response)).Query);
            Assert.That(query[field], Is.Not.Null.And.Not.Empty);
            Assert.That(query["state"], Is.EqualTo("xyz"));
        }
        finally
        {
            State.Consent = ConsentMode.Ask;
        }
    }

    [Test]
    public void Apps_registered_with_fixed_credentials_keep_them()
    {
        var fixedApp = State.RegisterApp("Fixed", "Co", "1", "https://127.0.0.1:9443", "https://127.0.0.1:9443/launch", "fixed-client-id", "fixed_client_secret_0123456789abcdef");
        Assert.That(fixedApp.ClientId, Is.EqualTo("fixed-client-id"));
        var launch = State.LaunchApp(fixedApp, Ada.User.Id, Ada.Sample.Id, Ada.Project.Id);
        Assert.That(Trade(launch.AuthorizationCode, fixedApp), Is.Not.Empty);
    }
}
