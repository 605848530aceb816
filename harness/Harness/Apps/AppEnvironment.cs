namespace ConformanceHarness.Apps;

/// <summary>
/// The environment contract given to an app the harness starts (ARCHITECTURE.md); also printed by
/// `conform fake` so a developer can point an app that is already running at the fake.
/// </summary>
public sealed record AppEnvironment(
    string ApiUrl,
    string WebUrl,
    string ClientId,
    string ClientSecret,
    string CaFile,
    int AppPort,
    string AppUrl,
    string TlsCertFile,
    string TlsKeyFile)
{
    public IReadOnlyDictionary<string, string> ToVariables() => new Dictionary<string, string>
    {
        ["BASESPACE_API_URL"] = ApiUrl,
        ["BASESPACE_WEB_URL"] = WebUrl,
        ["BASESPACE_CLIENT_ID"] = ClientId,
        ["BASESPACE_CLIENT_SECRET"] = ClientSecret,
        ["BASESPACE_CA_FILE"] = CaFile,
        ["APP_PORT"] = AppPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["APP_URL"] = AppUrl,
        ["APP_TLS_CERT_FILE"] = TlsCertFile,
        ["APP_TLS_KEY_FILE"] = TlsKeyFile,
    };
}
