namespace ConformanceHarness.Evidence;

/// <summary>One request the browser made and what came back. Redirects are separate exchanges.</summary>
public sealed record HttpExchange(
    int Sequence,
    string Method,
    string Url,
    string ResourceType,
    bool IsNavigation,
    IReadOnlyDictionary<string, string> RequestHeaders,
    int? Status,
    IReadOnlyDictionary<string, string> ResponseHeaders,
    string? DocumentBody,
    string? Failure)
{
    public string? Referer => RequestHeaders.GetValueOrDefault("referer");
}

public sealed record ConsoleEntry(string Type, string Text, string Location);

public sealed record CookieRecord(string Name, string Value, string Domain, string Path, bool HttpOnly, bool Secure, string SameSite);

/// <summary>One key of window.localStorage or window.sessionStorage.</summary>
public sealed record StorageRecord(string Origin, string Area, string Key, string Value);

/// <summary>A form on a page, as the browser parsed it.</summary>
public sealed record FormFacts(string Action, string Method, IReadOnlyList<string> InputTypes, string Text);

/// <summary>A link on a page: its resolved address and its text.</summary>
public sealed record LinkFacts(string Href, string Text);

/// <summary>
/// A page as the user finally saw it: the DOM, and what the browser itself parsed out of it (visible text,
/// forms, password fields, links), so that checks need not parse HTML.
/// </summary>
public sealed record PageSnapshot(
    string Url,
    string Html,
    string Text,
    int PasswordFields,
    IReadOnlyList<FormFacts> Forms,
    IReadOnlyList<LinkFacts> Links);

/// <summary>Everything one browser context saw during a scenario.</summary>
public sealed record BrowserEvidence(
    IReadOnlyList<HttpExchange> Exchanges,
    IReadOnlyList<ConsoleEntry> Console,
    IReadOnlyList<CookieRecord> Cookies,
    IReadOnlyList<StorageRecord> Storage,
    IReadOnlyList<PageSnapshot> Pages)
{
    public IEnumerable<HttpExchange> Navigations => Exchanges.Where(e => e.IsNavigation);
}
