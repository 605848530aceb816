using ConformanceHarness.Evidence;
using FakeBaseSpace;

namespace ConformanceHarness.Secrets;

/// <summary>Where in the browser's view a secret was found.</summary>
public enum LeakSurface
{
    /// <summary>A URL the browser requested (redirect hops included).</summary>
    Url,
    /// <summary>The Referer header a request carried.</summary>
    Referer,
    /// <summary>A page's HTML: as served, or the final DOM.</summary>
    Page,
    /// <summary>localStorage or sessionStorage.</summary>
    Storage,
    /// <summary>A cookie JavaScript can read (not HttpOnly).</summary>
    ReadableCookie,
    /// <summary>A cookie JavaScript cannot read (HttpOnly): still sent on every request.</summary>
    HttpOnlyCookie,
    /// <summary>The browser console, page errors included.</summary>
    Console,
}

/// <summary>A secret seen where it should not be. Carries the fingerprint, never the secret.</summary>
public sealed record LeakFinding(SecretKind Kind, string Fingerprint, SecretEncoding Encoding, LeakSurface Surface, string Location)
{
    public override string ToString() =>
        $"{Kind} {Fingerprint} ({Encoding.ToString().ToLowerInvariant()}) in {Describe(Surface)}: {Location}";

    private static string Describe(LeakSurface surface) => surface switch
    {
        LeakSurface.Url => "a URL",
        LeakSurface.Referer => "a Referer header",
        LeakSurface.Page => "a page",
        LeakSurface.Storage => "web storage",
        LeakSurface.ReadableCookie => "a JavaScript-readable cookie",
        LeakSurface.HttpOnlyCookie => "an HttpOnly cookie",
        _ => "the console",
    };
}

/// <summary>
/// Finds every spelling (<see cref="SecretForms"/>) of the given secrets anywhere in what the browser saw.
/// </summary>
public sealed class TokenLeakScanner(IReadOnlyList<SecretForm> forms)
{
    public static TokenLeakScanner For(IEnumerable<IssuedSecret> secrets) => new(SecretForms.Of(secrets));

    public IReadOnlyList<LeakFinding> Scan(BrowserEvidence evidence, SecretMasker mask) =>
        Surfaces(evidence, mask)
            .SelectMany(s => forms
                .Where(f => s.Text.Contains(f.Text, StringComparison.Ordinal))
                .Select(f => new LeakFinding(f.Secret.Kind, f.Secret.Fingerprint, f.Encoding, s.Surface, s.Location)))
            .Distinct()
            .ToList();

    private static IEnumerable<(LeakSurface Surface, string Location, string Text)> Surfaces(BrowserEvidence evidence, SecretMasker mask)
    {
        foreach (var exchange in evidence.Exchanges)
        {
            yield return (LeakSurface.Url, $"request #{exchange.Sequence} {exchange.Method} {mask.Mask(exchange.Url)}", exchange.Url);
            if (exchange.Referer is { } referer)
                yield return (LeakSurface.Referer, $"request #{exchange.Sequence} to {mask.Mask(exchange.Url)}", referer);
            if (exchange.DocumentBody is { } body)
                yield return (LeakSurface.Page, $"HTML served for {mask.Mask(exchange.Url)} (request #{exchange.Sequence})", body);
        }
        foreach (var page in evidence.Pages)
            yield return (LeakSurface.Page, $"final DOM of {mask.Mask(page.Url)}", page.Html);
        foreach (var item in evidence.Storage)
            yield return (LeakSurface.Storage, $"{item.Area}['{item.Key}'] of {item.Origin}", item.Key + "=" + item.Value);
        foreach (var cookie in evidence.Cookies)
            yield return (cookie.HttpOnly ? LeakSurface.HttpOnlyCookie : LeakSurface.ReadableCookie,
                $"cookie '{cookie.Name}' on {cookie.Domain}{cookie.Path}", cookie.Value);
        foreach (var entry in evidence.Console)
            yield return (LeakSurface.Console, $"console.{entry.Type} at {mask.Mask(entry.Location)}", entry.Text);
    }
}
