using System.Text;
using FakeBaseSpace.Http;

namespace FakeBaseSpace.Api;

/// <summary>
/// One API request being served: the request, the state, and what the journal will say about it (who
/// called, with which token, needing which scope). Handlers fill the journal facts as they learn them.
/// </summary>
internal sealed class ApiCall(HttpCall request, BaseSpaceState state)
{
    private AccessGrant? _grant;

    public HttpCall Request { get; } = request;
    public BaseSpaceState State { get; } = state;
    /// <summary>Renders resources as this call's user sees them (e.g. project permissions).</summary>
    public Wire Wire => new(State, UserId);

    public string? UserId { get; set; }
    public string? ClientId { get; set; }
    public string? AppSessionId { get; set; }
    public string? TokenFingerprint { get; private set; }
    public string? RequiredScope { get; set; }
    public IReadOnlyList<string> HeldScopes { get; private set; } = [];

    /// <summary>The access token, from "Authorization: Bearer", "x-access-token" or "?access_token=".</summary>
    public string? PresentedToken
    {
        get
        {
            var authorization = Request.Header("Authorization");
            if (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                return authorization[7..].Trim();
            return Request.Header("x-access-token") ?? Request.Query["access_token"];
        }
    }

    /// <summary>The grant behind the presented token, or 401.</summary>
    public AccessGrant RequireToken()
    {
        if (_grant is not null) return _grant;
        var token = PresentedToken;
        if (token is null || !State.Grants.TryGetValue(token, out var grant))
        {
            if (token is not null) TokenFingerprint = SecretFingerprint.Of(token);
            throw ApiException.Unauthorized();
        }
        _grant = grant;
        UserId = grant.UserId;
        ClientId = grant.App.ClientId;
        TokenFingerprint = grant.Fingerprint;
        HeldScopes = grant.Scopes.Names;
        return grant;
    }

    /// <summary>
    /// Lets the call act on <paramref name="project"/> with <paramref name="verb"/>: the user must be able to
    /// see the project (tenant isolation) and the token must carry the scope. Records the scope needed.
    /// </summary>
    public AccessGrant RequireProject(string verb, Project project) => RequireProject(verb, project, alternative: null);

    /// <summary>
    /// Access to a sample or AppResult: its project's rules, where a scope naming the resource itself
    /// ("read sample 3001", "write appresult 6001") also serves. 404 if it does not exist.
    /// </summary>
    public AccessGrant RequireResource(string verb, ResourceKey key)
    {
        var project = State.ProjectOf(key) ?? throw ApiException.NotFound(Wire.TypeName(key.Collection));
        var alternative = key.Collection is "samples" or "appresults" ? new Scope(verb, key.Collection.TrimEnd('s'), key.Id) : null;
        return RequireProject(verb, project, alternative);
    }

    private AccessGrant RequireProject(string verb, Project project, Scope? alternative)
    {
        var needed = Scope.ForProject(verb, project.Id);
        RequiredScope = needed.ToString();
        var grant = RequireToken();
        if (!State.CanSee(grant.UserId, project)) throw ApiException.Forbidden($"Access to project {project.Id} is forbidden");
        if (needed.Verb is "write" or "create" && !BaseSpaceState.CanChange(grant.UserId, project))
            throw ApiException.Forbidden($"Project {project.Id} is shared read-only");
        if (!grant.Scopes.Allows(needed) && (alternative is null || !grant.Scopes.Allows(alternative))) throw InsufficientScope(needed);
        return grant;
    }

    /// <summary>Requires a scope that names no project (e.g. "create projects").</summary>
    public AccessGrant RequireScope(Scope needed)
    {
        RequiredScope = needed.ToString();
        var grant = RequireToken();
        if (!grant.Scopes.Allows(needed)) throw InsufficientScope(needed);
        return grant;
    }

    /// <summary>
    /// An AppSession is its app's business for its user: a token of that user issued to that app (no scope
    /// needed), or, for reading, the app's own client credentials over HTTP Basic.
    /// </summary>
    public AppSession RequireAppSession(string id, bool allowClientCredentials)
    {
        AppSessionId = id;
        var session = State.AppSessions.GetValueOrDefault(id) ?? throw ApiException.NotFound("AppSession");
        if (allowClientCredentials && BasicCredentials() is var (clientId, secret))
        {
            ClientId = clientId;
            var app = State.AppByClientId(clientId);
            if (app is null || app.ClientSecret != secret) throw ApiException.Unauthorized();
            if (app != session.App) throw ApiException.Forbidden("App credentials do not match AppSession application");
            return session;
        }
        var grant = RequireToken();
        if (grant.UserId != session.UserId) throw ApiException.Forbidden($"Access to AppSession {id} is forbidden");
        if (grant.App != session.App) throw ApiException.Forbidden("Access token does not match AppSession application");
        return session;
    }

    public (string ClientId, string Secret)? BasicCredentials()
    {
        var authorization = Request.Header("Authorization");
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
            var colon = decoded.IndexOf(':');
            return colon < 0 ? null : (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public string RequiredField(string name) =>
        Request.Field(name) is { Length: > 0 } value ? value : throw ApiException.BadRequest("BASESPACE.COMMON.INVALID_PARAMETER", $"{name} is required");

    private static ApiException InsufficientScope(Scope needed) =>
        new(403, "BASESPACE.AUTH.INSUFFICIENT_SCOPE", $"Forbidden: this call needs scope '{needed}'");
}
