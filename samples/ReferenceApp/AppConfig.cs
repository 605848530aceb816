using System.Globalization;

namespace ReferenceApp;

/// <summary>The environment contract the harness (or BaseSpace's hosting) starts the app with.</summary>
public sealed record AppConfig(
    Uri ApiUrl,
    Uri WebUrl,
    string ClientId,
    string ClientSecret,
    string CaFile,
    int Port,
    Uri AppUrl,
    string TlsCertFile,
    string TlsKeyFile,
    Flaws Flaws)
{
    public const string AppName = "Reference App";

    /// <summary>Shown to the user (checklist: the app shows its version); taken from the project's Version.</summary>
    public static string Version { get; } = typeof(AppConfig).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>BaseSpace's front page: where logging out and "Back to BaseSpace" lead when nothing better is known.</summary>
    public string WebFrontPage => WebUrl.GetLeftPart(UriPartial.Authority) + "/";

    public string LaunchRedirectUri => AppLink("/launch");

    public string CallbackRedirectUri => AppLink("/oauth/callback");

    private string AppLink(string path) => AppUrl.GetLeftPart(UriPartial.Authority) + path;

    /// <summary>Reads and checks every variable, collecting all problems so one run shows them all.</summary>
    public static AppConfig? FromEnvironment(Func<string, string?> get, out IReadOnlyList<string> problems)
    {
        var missing = new List<string>();
        var found = new List<string>();
        string Required(string name)
        {
            var value = get(name);
            if (string.IsNullOrWhiteSpace(value)) missing.Add(name);
            return value?.Trim() ?? "";
        }
        Uri Url(string name)
        {
            var text = Required(name).TrimEnd('/');
            if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps) return url;
            if (text.Length > 0) found.Add($"{name} must be an absolute https URL, got '{text}'");
            return new Uri("https://invalid");
        }
        string File(string name)
        {
            var path = Required(name);
            if (path.Length > 0 && !System.IO.File.Exists(path)) found.Add($"{name} names a file that does not exist: {path}");
            return path;
        }

        var apiUrl = Url("BASESPACE_API_URL");
        var webUrl = Url("BASESPACE_WEB_URL");
        var clientId = Required("BASESPACE_CLIENT_ID");
        var clientSecret = Required("BASESPACE_CLIENT_SECRET");
        var caFile = File("BASESPACE_CA_FILE");
        var portText = Required("APP_PORT");
        if (portText.Length > 0 && !(int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536))
            found.Add($"APP_PORT must be a TCP port number, got '{portText}'");
        var appUrl = Url("APP_URL");
        var certFile = File("APP_TLS_CERT_FILE");
        var keyFile = File("APP_TLS_KEY_FILE");
        var flaws = Flaws.Parse(get("REFERENCE_APP_FLAWS"), out var unknown);
        if (unknown.Count > 0)
            found.Add($"REFERENCE_APP_FLAWS names unknown flaws: {string.Join(", ", unknown)} (known: {Flaws.KnownNames})");

        if (missing.Count > 0) found.Insert(0, $"missing required environment variables: {string.Join(", ", missing)}");
        problems = found;
        return found.Count > 0
            ? null
            : new AppConfig(apiUrl, webUrl, clientId, clientSecret, caFile, int.Parse(portText, CultureInfo.InvariantCulture),
                appUrl, certFile, keyFile, flaws);
    }
}
