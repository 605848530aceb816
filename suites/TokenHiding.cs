using ConformanceHarness.Scenarios;
using ConformanceHarness.Secrets;
using NUnit.Framework;

namespace ConformanceHarness.Suites;

/// <summary>
/// 8C "Hide the Access Token": the token stays on the app's server. Each surface a browser user can read
/// from is a check of its own, so a failure says exactly where the token showed.
/// </summary>
[TestFixture]
public sealed class TokenHiding : ChecklistSuite
{
    private const string KeepOnServer =
        "Keep the access token on the app's server and track the user with a session cookie (Secure, HttpOnly).";

    [Test, Check("8C.token-not-in-urls", "No access token in any URL, redirect or Referer header")]
    public Task TokenNotInUrls() => JudgeAsync(
        [LeakSurface.Url, LeakSurface.Referer], "URLs and Referer headers", v => v.Files.Requests,
        "Never put the token in a link, a redirect or a query string: URLs are copied, logged and sent as Referer. " + KeepOnServer);

    [Test, Check("8C.token-not-in-page", "No access token in any page's HTML or DOM")]
    public Task TokenNotInPage() => JudgeAsync(
        [LeakSurface.Page], "page HTML and DOM", v => v.Files.Pages,
        "Render pages without the token (no hidden fields, no script variables). " + KeepOnServer);

    [Test, Check("8C.token-not-in-storage", "No access token in localStorage or sessionStorage")]
    public Task TokenNotInStorage() => JudgeAsync(
        [LeakSurface.Storage], "localStorage and sessionStorage", v => v.Files.Storage,
        "Do not hand the token to browser scripts or store it in web storage. " + KeepOnServer);

    [Test, Check("8C.token-not-in-readable-cookie", "No access token in a cookie JavaScript can read")]
    public Task TokenNotInReadableCookie() => JudgeAsync(
        [LeakSurface.ReadableCookie], "JavaScript-readable cookies", v => v.Files.Cookies,
        "Do not put the token in a cookie; if a cookie must identify the session, make it an opaque id, HttpOnly and Secure.");

    [Test, Check("8C.token-not-in-console", "No access token in the browser console")]
    public Task TokenNotInConsole() => JudgeAsync(
        [LeakSurface.Console], "the browser console", v => v.Files.Console,
        "Remove logging that prints the token, and do not hand the token to browser scripts. " + KeepOnServer);

    private async Task JudgeAsync(LeakSurface[] surfaces, string where, Func<BrowserVisit, string> file, string hint)
    {
        var visits = new[] { (await Session.LaunchAsync()).Visit, (await Session.DirectVisitAsync()).Visit };
        var leaks = visits.SelectMany(v => v.Leaks).Where(l => surfaces.Contains(l.Surface)).ToList();
        var evidence = visits.Select(file);
        var looked = visits.Sum(v => v.Browser.Exchanges.Count);
        PassIf(leaks.Count == 0,
            pass: $"No access token or client secret in {where} across {looked} browser requests of a launch and a direct visit.",
            fail: $"The access token is exposed in {where}: {string.Join("; ", leaks.Take(5))}{(leaks.Count > 5 ? $" (+{leaks.Count - 5} more)" : "")}.",
            hint, evidence);
    }
}
