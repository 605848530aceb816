namespace FakeBaseSpace;

/// <summary>
/// One call on either origin, as the suites judge it: who made it, with which token (by fingerprint), the
/// scope the call needed and the scopes the token held. Secrets are already masked.
/// </summary>
public sealed record JournalEntry(DateTimeOffset Time, string Origin, string Method, string Path, int StatusCode,
    string? UserId, string? ClientId, string? AppSessionId, string? TokenFingerprint, string? RequiredScope,
    IReadOnlyList<string> HeldScopes, string? RequestExcerpt, string? ResponseExcerpt);

/// <summary>Every call on both origins, in arrival order.</summary>
public sealed class Journal
{
    private readonly object _gate = new();
    private readonly List<JournalEntry> _entries = [];

    public IReadOnlyList<JournalEntry> Entries()
    {
        lock (_gate) return _entries.ToArray();
    }

    public IReadOnlyList<JournalEntry> ForUser(string userId) => Where(e => e.UserId == userId);

    public IReadOnlyList<JournalEntry> ForAppSession(string appSessionId) => Where(e => e.AppSessionId == appSessionId);

    /// <summary>Calls made with the token of this fingerprint (see <see cref="SecretFingerprint"/>).</summary>
    public IReadOnlyList<JournalEntry> ForToken(string tokenFingerprint) => Where(e => e.TokenFingerprint == tokenFingerprint);

    /// <summary>Calls addressing a resource or anything under it: "v1pre3/samples/3001" or "samples/3001".</summary>
    public IReadOnlyList<JournalEntry> ForResource(string href)
    {
        var target = ResourcePath(href);
        return Where(e =>
        {
            var path = ResourcePath(e.Path);
            return path == target || path.StartsWith(target + "/", StringComparison.OrdinalIgnoreCase);
        });
    }

    private IReadOnlyList<JournalEntry> Where(Func<JournalEntry, bool> predicate)
    {
        lock (_gate) return _entries.Where(predicate).ToArray();
    }

    // "/v1pre3//samples/3001/?x=1" → "samples/3001"
    private static string ResourcePath(string path)
    {
        var segments = path.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > 0 && segments[0].Equals("v1pre3", StringComparison.OrdinalIgnoreCase)) segments = segments[1..];
        return string.Join('/', segments).ToLowerInvariant();
    }

    internal void Record(JournalEntry entry)
    {
        lock (_gate) _entries.Add(entry);
    }
}
