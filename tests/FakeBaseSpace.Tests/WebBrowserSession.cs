using System.Net;
using System.Text.RegularExpressions;
using System.Web;
using RestSharp;

namespace FakeBaseSpace.Tests;

/// <summary>A browser on the web origin, signed in as one user: follows the authorize flow by hand.</summary>
internal sealed partial class WebBrowserSession(RestClient client, Tenant tenant)
{
    private string Cookie { get; } = Fake.Server.State.CreateWebSession(tenant.User.Id);

    public RestResponse Get(string pathAndQuery) =>
        client.Execute(new RestRequest(Fake.Server.WebUrl + pathAndQuery).AddHeader("Cookie", $"{WebSession.CookieName}={Cookie}"));

    public RestResponse PostForm(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var request = new RestRequest(Fake.Server.WebUrl + path, Method.Post).AddHeader("Cookie", $"{WebSession.CookieName}={Cookie}");
        foreach (var (name, value) in fields) request.AddParameter(name, value);
        return client.Execute(request);
    }

    public const string CallbackUri = "https://127.0.0.1:9443/callback";

    public static string AuthorizeQuery(RegisteredApp app, string scope, string state = "xyz", string redirectUri = CallbackUri) =>
        $"/oauth/authorize?client_id={app.ClientId}&redirect_uri={Uri.EscapeDataString(redirectUri)}&response_type=code" +
        $"&scope={Uri.EscapeDataString(scope)}&state={state}";

    /// <summary>Opens the consent page, submits its form with <paramref name="decision"/>, returns the redirect.</summary>
    public Uri Decide(RegisteredApp app, string scope, string decision)
    {
        var consent = Get(AuthorizeQuery(app, scope));
        Assert.That(consent.StatusCode, Is.EqualTo(HttpStatusCode.OK), consent.Content);
        var fields = HiddenField().Matches(consent.Content!)
            .Select(m => new KeyValuePair<string, string>(HttpUtility.HtmlDecode(m.Groups[1].Value), HttpUtility.HtmlDecode(m.Groups[2].Value)))
            .Append(new KeyValuePair<string, string>("decision", decision));
        var back = PostForm("/oauth/authorize", fields);
        Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.Found), back.Content);
        return new Uri(back.Headers!.First(h => h.Name == "Location").Value!);
    }

    /// <summary>The code an approval sends back.</summary>
    public string Authorize(RegisteredApp app, string scope) =>
        HttpUtility.ParseQueryString(Decide(app, scope, "approve").Query)["code"]!;

    [GeneratedRegex("""<input type="hidden" name="([^"]*)" value="([^"]*)">""")]
    private static partial Regex HiddenField();
}
