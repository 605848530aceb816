using System.Text.Json;
using RestSharp;

namespace FakeBaseSpace.Tests;

/// <summary>
/// Every error reply of the token and device-authorization endpoints is {"error","error_description"} with
/// both strings: one SDK crashes when error_description is missing or not a string.
/// </summary>
public sealed class OAuthErrorTests : FakeTest
{
    private RestRequest Token(string? code, string grantType = "authorization_code", string? clientId = null, string? secret = null,
        string redirectUri = "https://127.0.0.1:9443/launch")
    {
        var request = new RestRequest(Api("oauthv2/token"), Method.Post)
            .AddParameter("client_id", clientId ?? App.ClientId).AddParameter("client_secret", secret ?? App.ClientSecret)
            .AddParameter("grant_type", grantType).AddParameter("redirect_uri", redirectUri);
        return code is null ? request : request.AddParameter("code", code);
    }

    private RestRequest Device(string scope = "browse global", string responseType = "device_code", string? clientId = null) =>
        new RestRequest(Api("oauthv2/deviceauthorization"), Method.Post)
            .AddParameter("client_id", clientId ?? App.ClientId).AddParameter("scope", scope).AddParameter("response_type", responseType);

    private string DeviceCode() => Json(Client.Execute(Device())).GetProperty("device_code").GetString()!;

    private string UsedCode()
    {
        var code = Launch(Ada).AuthorizationCode;
        Trade(code);
        return code;
    }

    private RestRequest Scenario(string scenario) => scenario switch
    {
        "unknown client_id" => Token(Launch(Ada).AuthorizationCode, clientId: "nobody"),
        "wrong client_secret" => Token(Launch(Ada).AuthorizationCode, secret: "wrong"),
        "no code" => Token(null),
        "unknown grant_type" => Token(Launch(Ada).AuthorizationCode, "client_credentials"),
        "unknown code" => Token("no-such-code"),
        "used code" => Token(UsedCode()),
        "another client's code" => Token(Launch(Ada, RegisterApp("Code Owner")).AuthorizationCode),
        "redirect_uri unlike the authorize one" => Token(new WebBrowserSession(Client, Ada).Authorize(App, "browse global"),
            redirectUri: "https://127.0.0.1:9443/elsewhere"),
        "device poll before approval" => Token(DeviceCode(), "device", redirectUri: "urn:ietf:wg:oauth:2.0:oob"),
        "device: unknown client_id" => Device(clientId: "nobody"),
        "device: bad response_type" => Device(responseType: "code"),
        "device: bad scope" => Device(scope: "read everything"),
        "token endpoint asked with GET" => new RestRequest(Api("oauthv2/token")),
        _ => throw new ArgumentException(scenario),
    };

    [TestCase("unknown client_id")]
    [TestCase("wrong client_secret")]
    [TestCase("no code")]
    [TestCase("unknown grant_type")]
    [TestCase("unknown code")]
    [TestCase("used code")]
    [TestCase("another client's code")]
    [TestCase("redirect_uri unlike the authorize one")]
    [TestCase("device poll before approval")]
    [TestCase("device: unknown client_id")]
    [TestCase("device: bad response_type")]
    [TestCase("device: bad scope")]
    [TestCase("token endpoint asked with GET")]
    public void Every_token_and_device_error_carries_error_and_a_string_error_description(string scenario) =>
        AssertOAuthError(Client.Execute(Scenario(scenario)));

    [TestCase(503)]
    [TestCase(429)]
    public void An_injected_fault_on_the_token_endpoint_still_carries_error_description(int status)
    {
        Server.Faults.Add(new Fault { Origin = "api", PathPattern = "^/v1pre3/oauthv2/token$", StatusCode = status, Times = 1 });
        try
        {
            var response = Client.Execute(Token(Launch(Ada).AuthorizationCode));
            Assert.That((int)response.StatusCode, Is.EqualTo(status));
            AssertOAuthError(response);
        }
        finally
        {
            Server.Faults.Clear();
        }
    }

    private static void AssertOAuthError(RestResponse response)
    {
        Assert.That((int)response.StatusCode, Is.GreaterThanOrEqualTo(400), response.Content);
        var body = Json(response);
        Assert.That(FieldNames(body), Is.EquivalentTo(new[] { "error", "error_description" }), response.Content);
        Assert.That(body.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.String));
        Assert.That(body.GetProperty("error_description").ValueKind, Is.EqualTo(JsonValueKind.String));
        Assert.That(body.GetProperty("error_description").GetString(), Is.Not.Empty);
    }
}
