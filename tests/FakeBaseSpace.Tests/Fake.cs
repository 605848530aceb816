using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using FakeBaseSpace.Tls;
using RestSharp;

namespace FakeBaseSpace.Tests;

/// <summary>One fake BaseSpace for the whole test run, reached over HTTPS trusting only the test CA.</summary>
[SetUpFixture]
public sealed class Fake
{
    public static FakeBaseSpaceServer Server { get; private set; } = null!;
    public static TestCertificateAuthority Authority { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartServer()
    {
        Authority = TestCertificateAuthority.LoadOrCreate(Path.Combine(Path.GetTempPath(), "fakebasespace-tests-ca"));
        Server = FakeBaseSpaceServer.Start(new FakeServerOptions { Certificate = Authority.IssueServerCertificate() });
    }

    [OneTimeTearDown]
    public void StopServer() => Server.Dispose();

    /// <summary>Trusts exactly the test CA: the fake's certificate must chain to it and name the host.</summary>
    public static bool TrustTestCa(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0) return false;
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(Authority.Certificate);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return custom.Build(new X509Certificate2(certificate));
    }

    public static RestClient Client() => new(new RestClientOptions
    {
        RemoteCertificateValidationCallback = TrustTestCa,
        FollowRedirects = false,
        Timeout = TimeSpan.FromSeconds(20),
    });
}

/// <summary>What every contract test uses: a client, a registered app, launches, tokens, JSON access.</summary>
public abstract partial class FakeTest
{
    protected RestClient Client { get; private set; } = null!;
    protected RegisteredApp App { get; private set; } = null!;

    protected static FakeBaseSpaceServer Server => Fake.Server;
    protected static BaseSpaceState State => Fake.Server.State;
    protected static Tenant Ada => State.Tenants[0];
    protected static Tenant Ben => State.Tenants[1];

    [OneTimeSetUp]
    public void CreateClientAndApp()
    {
        Client = Fake.Client();
        App = RegisterApp("Contract Test App");
    }

    [OneTimeTearDown]
    public void DisposeClient() => Client.Dispose();

    protected static RegisteredApp RegisterApp(string name) =>
        State.RegisterApp(name, "Test Co", "1.2.3", "https://127.0.0.1:9443", "https://127.0.0.1:9443/launch");

    /// <summary>An absolute API URL; <paramref name="path"/> is under /v1pre3 (e.g. "users/current").</summary>
    protected static string Api(string path) => $"{Server.ApiUrl}/{path}";

    protected RestResponse Send(Method method, string path, string? token = null, Action<RestRequest>? build = null)
    {
        var request = new RestRequest(Api(path), method);
        if (token is not null) request.AddHeader("Authorization", "Bearer " + token);
        build?.Invoke(request);
        return Client.Execute(request);
    }

    protected RestResponse Get(string path, string? token) => Send(Method.Get, path, token);

    protected RestResponse PostJson(string path, string token, object body) => Send(Method.Post, path, token, r => r.AddJsonBody(body));

    protected static JsonElement Json(RestResponse response)
    {
        Assert.That(response.Content, Is.Not.Null.And.Not.Empty, $"{response.StatusCode} with no body");
        using var document = JsonDocument.Parse(response.Content!);
        return document.RootElement.Clone();
    }

    /// <summary>The envelope's Response, after checking the call succeeded with <paramref name="status"/>.</summary>
    protected static JsonElement Ok(RestResponse response, int status = 200)
    {
        Assert.That((int)response.StatusCode, Is.EqualTo(status), response.Content);
        return Json(response).GetProperty("Response");
    }

    protected static string ErrorCode(RestResponse response) =>
        Json(response).GetProperty("ResponseStatus").GetProperty("ErrorCode").GetString()!;

    protected AppLaunch Launch(Tenant tenant, RegisteredApp? app = null) =>
        State.LaunchApp(app ?? App, tenant.User.Id, tenant.Sample.Id, tenant.Project.Id);

    /// <summary>Trades a code the way most clients do (form body) and returns the access token.</summary>
    protected string Trade(string code, RegisteredApp? app = null, string redirectUri = "https://127.0.0.1:9443/launch")
    {
        app ??= App;
        var response = Client.Execute(new RestRequest(Api("oauthv2/token"), Method.Post)
            .AddParameter("client_id", app.ClientId).AddParameter("client_secret", app.ClientSecret)
            .AddParameter("code", code).AddParameter("grant_type", "authorization_code")
            .AddParameter("redirect_uri", redirectUri));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), response.Content);
        return Json(response).GetProperty("access_token").GetString()!;
    }

    /// <summary>A token from the interactive authorize flow with exactly <paramref name="scope"/>.</summary>
    protected string TokenWithScopes(Tenant tenant, string scope) =>
        Trade(new WebBrowserSession(Client, tenant).Authorize(App, scope), redirectUri: WebBrowserSession.CallbackUri);

    /// <summary>A path template with its {placeholders} filled in; an unknown placeholder is a mistake in the test.</summary>
    protected static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new ArgumentException($"no value for {m.Value} in '{template}'"));

    /// <summary>The placeholders a tenant fills: {user}, {project}, {sample}, plus <paramref name="more"/>.</summary>
    protected static Dictionary<string, string> Ids(Tenant tenant, params (string Name, string Value)[] more)
    {
        var ids = new Dictionary<string, string> { ["user"] = tenant.User.Id, ["project"] = tenant.Project.Id, ["sample"] = tenant.Sample.Id };
        foreach (var (name, value) in more) ids[name] = value;
        return ids;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\w+)\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    /// <summary>The names of a JSON object's fields.</summary>
    protected static string[] FieldNames(JsonElement obj) => obj.EnumerateObject().Select(p => p.Name).ToArray();

    /// <summary>A launch by <paramref name="tenant"/> and the token its pre-authorized code trades for.</summary>
    /// <summary>A launch's token and an AppResult linked to that launch, in the tenant's project: somewhere to upload.</summary>
    protected (string Token, string AppResultId) LaunchedAppResult(Tenant tenant, string name)
    {
        var (launch, token) = LaunchWithToken(tenant);
        var id = Ok(PostJson($"projects/{tenant.Project.Id}/appresults?appsessionid={launch.AppSessionId}", token, new { Name = name }), 201)
            .GetProperty("Id").GetString()!;
        return (token, id);
    }

    protected (AppLaunch Launch, string Token) LaunchWithToken(Tenant tenant, RegisteredApp? app = null)
    {
        var launch = Launch(tenant, app);
        return (launch, Trade(launch.AuthorizationCode, app));
    }
}
