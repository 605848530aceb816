namespace ReferenceApp;

/// <summary>
/// Deliberate defects, each breaking exactly one review-checklist check, so the harness can prove that
/// every check is able to fail. Switched on by name through REFERENCE_APP_FLAWS.
/// </summary>
public enum Flaw
{
    TokenInUrl,
    TokenInPage,
    TokenInStorage,
    TokenInCookie,
    TokenInConsole,
    LoginWall,
    SkipUserLookup,
    DirectVisitLoginPage,
    NeverCompletes,
    AbortsWhenDone,
    NoStatusSummary,
    LogoutStaysInApp,
    NoBaseSpaceLink,
    NoVersion,
    SharedLatestAnalysis,
    SelfSignedCertificate,
    AppResultWithoutAppSession,
    NoAppResultReferences,
    NoAppResultProperties,
    NoAppSessionProperties,
    SilentFailure,
}

public sealed class Flaws
{
    private static readonly IReadOnlyDictionary<string, Flaw> ByName = new Dictionary<string, Flaw>(StringComparer.OrdinalIgnoreCase)
    {
        ["token-in-url"] = Flaw.TokenInUrl,
        ["token-in-page"] = Flaw.TokenInPage,
        ["token-in-storage"] = Flaw.TokenInStorage,
        ["token-in-cookie"] = Flaw.TokenInCookie,
        ["token-in-console"] = Flaw.TokenInConsole,
        ["login-wall"] = Flaw.LoginWall,
        ["skip-user-lookup"] = Flaw.SkipUserLookup,
        ["direct-visit-login-page"] = Flaw.DirectVisitLoginPage,
        ["never-completes"] = Flaw.NeverCompletes,
        ["aborts-when-done"] = Flaw.AbortsWhenDone,
        ["no-status-summary"] = Flaw.NoStatusSummary,
        ["logout-stays-in-app"] = Flaw.LogoutStaysInApp,
        ["no-basespace-link"] = Flaw.NoBaseSpaceLink,
        ["no-version"] = Flaw.NoVersion,
        ["shared-latest-analysis"] = Flaw.SharedLatestAnalysis,
        ["self-signed-certificate"] = Flaw.SelfSignedCertificate,
        ["appresult-without-appsession"] = Flaw.AppResultWithoutAppSession,
        ["no-appresult-references"] = Flaw.NoAppResultReferences,
        ["no-appresult-properties"] = Flaw.NoAppResultProperties,
        ["no-appsession-properties"] = Flaw.NoAppSessionProperties,
        ["silent-failure"] = Flaw.SilentFailure,
    };

    private readonly HashSet<Flaw> _on;

    private Flaws(HashSet<Flaw> on) => _on = on;

    public static string KnownNames => string.Join(", ", ByName.Keys);

    public bool this[Flaw flaw] => _on.Contains(flaw);

    /// <summary>The flaws the page scripts need <c>/api/token</c> for; the endpoint exists only then.</summary>
    public bool ExposesTokenEndpoint => this[Flaw.TokenInStorage] || this[Flaw.TokenInConsole];

    public override string ToString() =>
        _on.Count == 0 ? "none" : string.Join(", ", ByName.Where(p => _on.Contains(p.Value)).Select(p => p.Key));

    /// <summary>Parses a comma-separated list; unknown names are returned so the caller can refuse to start.</summary>
    public static Flaws Parse(string? list, out IReadOnlyList<string> unknown)
    {
        var on = new HashSet<Flaw>();
        var bad = new List<string>();
        foreach (var name in (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ByName.TryGetValue(name, out var flaw)) on.Add(flaw);
            else bad.Add(name);
        }
        unknown = bad;
        return new Flaws(on);
    }
}
