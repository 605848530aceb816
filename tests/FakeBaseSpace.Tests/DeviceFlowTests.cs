using System.Net;
using System.Text.Json;
using RestSharp;

namespace FakeBaseSpace.Tests;

/// <summary>The device flow: deviceauthorization, approval on the web origin, polls at the token endpoint.</summary>
public sealed class DeviceFlowTests : FakeTest
{
    private JsonElement Start(string scope = "browse global", FakeBaseSpaceServer? server = null, RegisteredApp? app = null)
    {
        server ??= Server;
        var response = Client.Execute(new RestRequest(server.ApiUrl + "/oauthv2/deviceauthorization", Method.Post)
            .AddParameter("client_id", (app ?? App).ClientId).AddParameter("scope", scope).AddParameter("response_type", "device_code"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), response.Content);
        return Json(response);
    }

    private RestResponse Poll(string deviceCode, FakeBaseSpaceServer? server = null, RegisteredApp? app = null)
    {
        app ??= App;
        return Client.Execute(new RestRequest((server ?? Server).ApiUrl + "/oauthv2/token", Method.Post)
            .AddParameter("code", deviceCode).AddParameter("grant_type", "device")
            .AddParameter("client_id", app.ClientId).AddParameter("client_secret", app.ClientSecret)
            .AddParameter("redirect_uri", "urn:ietf:wg:oauth:2.0:oob"));
    }

    private static string Error(RestResponse response) => Json(response).GetProperty("error").GetString()!;

    [Test]
    public void The_device_reply_has_exactly_the_documented_fields()
    {
        var reply = Start();
        Assert.That(reply.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[]
        {
            "device_code", "user_code", "verification_uri", "verification_with_code_uri", "expires_in", "interval",
        }));
        Assert.That(reply.GetProperty("expires_in").GetInt32(), Is.EqualTo(1800));
        Assert.That(reply.GetProperty("interval").GetInt32(), Is.EqualTo(1));
        Assert.That(reply.GetProperty("verification_uri").GetString(), Is.EqualTo(Server.WebUrl + "/oauth/device"));
    }

    [Test]
    public void Polls_are_pending_until_the_user_approves_then_yield_a_single_token()
    {
        var reply = Start($"read project {Ada.Project.Id}");
        var deviceCode = reply.GetProperty("device_code").GetString()!;
        var pending = Poll(deviceCode);
        Assert.That(pending.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Error(pending), Is.EqualTo("authorization_pending"));
        Assert.That(Json(pending).GetProperty("error_description").ValueKind, Is.EqualTo(JsonValueKind.String));

        var browser = new WebBrowserSession(Client, Ada);
        var page = browser.Get(new Uri(reply.GetProperty("verification_with_code_uri").GetString()!).PathAndQuery);
        Assert.That(page.Content, Does.Contain(App.Name).And.Contain($"read project {Ada.Project.Id}"));
        var decided = browser.PostForm("/oauth/device", [new("code", reply.GetProperty("user_code").GetString()!), new("decision", "approve")]);
        Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var granted = Poll(deviceCode);
        Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.OK), granted.Content);
        Assert.That(Json(granted).EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "access_token", "expires_in" }));
        var token = Json(granted).GetProperty("access_token").GetString()!;
        Assert.That(Get($"projects/{Ada.Project.Id}", token).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Error(Poll(deviceCode)), Is.EqualTo("invalid_grant"));
    }

    [Test]
    public void A_refusal_is_access_denied()
    {
        var reply = Start();
        new WebBrowserSession(Client, Ben).PostForm("/oauth/device", [new("code", reply.GetProperty("user_code").GetString()!), new("decision", "deny")]);
        Assert.That(Error(Poll(reply.GetProperty("device_code").GetString()!)), Is.EqualTo("access_denied"));
    }

    [Test]
    public void A_bad_scope_is_invalid_scope()
    {
        var response = Client.Execute(new RestRequest(Api("oauthv2/deviceauthorization"), Method.Post)
            .AddParameter("client_id", App.ClientId).AddParameter("scope", "read everything").AddParameter("response_type", "device_code"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Error(response), Is.EqualTo("invalid_scope"));
    }

    [Test]
    public void The_approval_page_asks_an_anonymous_visitor_to_sign_in()
    {
        var reply = Start();
        var page = Client.Execute(new RestRequest(reply.GetProperty("verification_with_code_uri").GetString()!));
        Assert.That(page.Content, Does.Contain("Sign in as Ada Tenant"));
    }

    [Test]
    public void A_code_past_expires_in_is_expired_token()
    {
        using var server = FakeBaseSpaceServer.Start(new FakeServerOptions
        {
            Certificate = Fake.Authority.IssueServerCertificate(), DeviceCodeLifetime = TimeSpan.FromMilliseconds(300),
        });
        var app = server.State.RegisterApp("Short", "Co", "1", "https://127.0.0.1:9443", "https://127.0.0.1:9443/launch");
        var reply = Start(server: server, app: app);
        Thread.Sleep(500);
        Assert.That(Error(Poll(reply.GetProperty("device_code").GetString()!, server: server, app: app)), Is.EqualTo("expired_token"));
    }
}

/// <summary>GET oauthv2/token/current: what the presented token is.</summary>
public sealed class TokenIntrospectionTests : FakeTest
{
    [Test]
    public void The_current_token_names_its_app_owner_status_and_scopes()
    {
        var (_, token) = LaunchWithToken(Ada);
        var current = Ok(Get("oauthv2/token/current", token));
        Assert.That(current.GetProperty("AccessToken").GetString(), Is.EqualTo(token));
        Assert.That(current.GetProperty("Application").GetProperty("Name").GetString(), Is.EqualTo(App.Name));
        Assert.That(current.GetProperty("UserResourceOwner").GetProperty("Id").GetString(), Is.EqualTo(Ada.User.Id));
        Assert.That(current.GetProperty("Status").GetString(), Is.EqualTo("Active"));
        Assert.That(current.GetProperty("Scopes").EnumerateArray().Select(s => s.GetString()),
            Is.EquivalentTo(new[] { $"read project {Ada.Project.Id}", $"write project {Ada.Project.Id}" }));
        Assert.That(current.GetProperty("DateCreated").GetString(), Does.Match(@"\.\d{7}$"));
    }

    [Test]
    public void Without_a_token_it_is_401() => Assert.That(Get("oauthv2/token/current", null).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
}
