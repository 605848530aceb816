using System.Net;
using RestSharp;

namespace FakeBaseSpace.Tests;

/// <summary>POST v1pre3/oauthv2/token: codes for tokens, in every body form clients use.</summary>
public sealed class TokenExchangeTests : FakeTest
{
    private Dictionary<string, string> Fields(string code, string grantType = "authorization_code") => new()
    {
        ["client_id"] = App.ClientId, ["client_secret"] = App.ClientSecret, ["code"] = code,
        ["grant_type"] = grantType, ["redirect_uri"] = "https://127.0.0.1:9443/launch",
    };

    private static void AssertTokenReply(RestResponse response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), response.Content);
        var names = Json(response).EnumerateObject().Select(p => p.Name).ToArray();
        // One SDK's parser rejects any other field, token_type included.
        Assert.That(names, Is.EquivalentTo(new[] { "access_token", "expires_in" }));
        var token = Json(response).GetProperty("access_token").GetString()!;
        Assert.That(token, Has.Length.GreaterThanOrEqualTo(32).And.Match("^[A-Za-z0-9_-]+$"));
    }

    [Test]
    public void A_form_body_is_accepted()
    {
        var request = new RestRequest(Api("oauthv2/token"), Method.Post);
        foreach (var (name, value) in Fields(Launch(Ada).AuthorizationCode)) request.AddParameter(name, value);
        AssertTokenReply(Client.Execute(request));
    }

    [Test]
    public void A_json_body_is_accepted()
    {
        var request = new RestRequest(Api("oauthv2/token"), Method.Post).AddJsonBody(Fields(Launch(Ada).AuthorizationCode));
        AssertTokenReply(Client.Execute(request));
    }

    [Test]
    public void The_query_string_of_an_empty_post_is_accepted()
    {
        var request = new RestRequest(Api("oauthv2/token"), Method.Post);
        foreach (var (name, value) in Fields(Launch(Ada).AuthorizationCode)) request.AddQueryParameter(name, value);
        AssertTokenReply(Client.Execute(request));
    }

    [Test]
    public void Grant_type_device_is_accepted_for_a_trigger_code_of_the_same_client()
    {
        var request = new RestRequest(Api("oauthv2/token"), Method.Post).AddJsonBody(Fields(Launch(Ada).AuthorizationCode, "device"));
        AssertTokenReply(Client.Execute(request));
    }

    [Test]
    public void Grant_type_device_is_accepted_for_a_web_authorize_code_of_the_same_client()
    {
        var fields = Fields(new WebBrowserSession(Client, Ada).Authorize(App, "browse global"), "device");
        fields["redirect_uri"] = WebBrowserSession.CallbackUri;
        AssertTokenReply(Client.Execute(new RestRequest(Api("oauthv2/token"), Method.Post).AddJsonBody(fields)));
    }

    [Test]
    public void A_code_is_single_use()
    {
        var code = Launch(Ada).AuthorizationCode;
        AssertTokenReply(Client.Execute(new RestRequest(Api("oauthv2/token"), Method.Post).AddJsonBody(Fields(code))));
        var again = Client.Execute(new RestRequest(Api("oauthv2/token"), Method.Post).AddJsonBody(Fields(code)));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Json(again).GetProperty("error").GetString(), Is.EqualTo("invalid_grant"));
    }

    [Test]
    public void A_wrong_client_secret_is_invalid_client_with_a_description()
    {
        var fields = Fields(Launch(Ada).AuthorizationCode);
        fields["client_secret"] = "wrong";
        var response = Client.Execute(new RestRequest(Api("oauthv2/token"), Method.Post).AddJsonBody(fields));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var names = Json(response).EnumerateObject().Select(p => p.Name).ToArray();
        Assert.That(names, Is.EquivalentTo(new[] { "error", "error_description" }));
        Assert.That(Json(response).GetProperty("error").GetString(), Is.EqualTo("invalid_client"));
    }

    [Test]
    public void A_code_issued_to_another_app_is_refused()
    {
        var other = RegisterApp("Other App");
        var response = Client.Execute(new RestRequest(Api("oauthv2/token"), Method.Post).AddJsonBody(Fields(Launch(Ada, other).AuthorizationCode)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Json(response).GetProperty("error").GetString(), Is.EqualTo("invalid_grant"));
    }

    [Test]
    public void An_unknown_grant_type_is_refused()
    {
        var response = Client.Execute(new RestRequest(Api("oauthv2/token"), Method.Post)
            .AddJsonBody(Fields(Launch(Ada).AuthorizationCode, "password")));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Json(response).GetProperty("error").GetString(), Is.EqualTo("unsupported_grant_type"));
        Assert.That(Json(response).GetProperty("error_description").GetString(), Is.Not.Empty);
    }

    [Test]
    public void The_token_belongs_to_the_launching_user()
    {
        var (_, token) = LaunchWithToken(Ben);
        Assert.That(Ok(Get("users/current", token)).GetProperty("Id").GetString(), Is.EqualTo(Ben.User.Id));
    }

    [Test]
    public void Client_ids_and_secrets_are_url_safe()
    {
        Assert.That(App.ClientId, Does.Match("^[A-Za-z0-9_-]{16,}$"));
        Assert.That(App.ClientSecret, Does.Match("^[A-Za-z0-9_-]{32,}$"));
    }
}
