namespace FakeBaseSpace;

/// <summary>
/// One BaseSpace scope, "&lt;verb&gt; &lt;resource&gt; [&lt;id&gt;]" (e.g. "read project 12", "create projects",
/// "browse global"), matched case-insensitively.
/// </summary>
public sealed record Scope(string Verb, string Resource, string? Id)
{
    private static readonly string[] Verbs = ["browse", "read", "create", "write"];
    private static readonly string[] Resources = ["global", "project", "projects", "run", "runs", "appresult", "appsession", "sample", "user"];

    public static Scope? TryParse(string text)
    {
        var words = text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 3 || !Verbs.Contains(words[0]) || !Resources.Contains(words[1])) return null;
        return new Scope(words[0], words[1], words.Length == 3 ? words[2] : null);
    }

    public static Scope ForProject(string verb, string projectId) => new(verb, "project", projectId);

    /// <summary>Whether holding this scope allows what <paramref name="needed"/> names.</summary>
    public bool Covers(Scope needed)
    {
        if (!VerbImplies(Verb, needed.Verb)) return false;
        // "global" stands for every project the user can access (ownership is checked separately).
        if (Resource == "global" && needed.Resource == "project") return true;
        return Resource == needed.Resource && (Id is null ? needed.Id is null : Id == needed.Id);
    }

    // write ⊃ create + read + browse; read ⊃ browse.
    private static bool VerbImplies(string held, string needed) => held == needed || held switch
    {
        "write" => true,
        "read" => needed == "browse",
        _ => false,
    };

    public override string ToString() => Id is null ? $"{Verb} {Resource}" : $"{Verb} {Resource} {Id}";
}

/// <summary>The scopes a token or code carries; parsed from BaseSpace's comma-separated form.</summary>
public sealed class ScopeSet
{
    private readonly IReadOnlyList<Scope> _scopes;

    private ScopeSet(IReadOnlyList<Scope> scopes) => _scopes = scopes;

    public static readonly ScopeSet Empty = new([]);

    public static ScopeSet Of(params Scope[] scopes) => new(scopes);

    /// <summary>Null when any part is not a valid scope (OAuth's invalid_scope).</summary>
    public static ScopeSet? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Empty;
        var scopes = new List<Scope>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Scope.TryParse(part) is not { } scope) return null;
            if (!scopes.Contains(scope)) scopes.Add(scope);
        }
        return new ScopeSet(scopes);
    }

    public bool Allows(Scope needed) => _scopes.Any(s => s.Covers(needed));

    public IReadOnlyList<string> Names => _scopes.Select(s => s.ToString()).ToArray();

    public override string ToString() => string.Join(", ", Names);
}
