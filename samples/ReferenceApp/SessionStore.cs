using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ReferenceApp;

/// <summary>What the app shows about a launch's analysis; replaced whole so readers never see a torn pair.</summary>
public sealed record AnalysisStatus(string Status, string? Summary);

/// <summary>
/// One signed-in user's session. The access token lives only here, on the server; the browser holds
/// nothing but a random session id.
/// </summary>
public sealed class UserSession(string id, string accessToken, BaseSpaceUser? user, string returnUrl)
{
    private volatile AnalysisStatus? _analysis;
    private volatile string _returnUrl = returnUrl;

    public string Id { get; } = id;
    public string AccessToken { get; } = accessToken;

    /// <summary>Null when the user was not looked up (the skip-user-lookup flaw).</summary>
    public BaseSpaceUser? User { get; } = user;

    /// <summary>Where "Back to BaseSpace" leads: the AppSession's OriginatingUri once known, else BaseSpace's front page.</summary>
    public string ReturnUrl { get => _returnUrl; set => _returnUrl = value; }

    /// <summary>Null for a direct visit, which starts no analysis.</summary>
    public AnalysisStatus? Analysis { get => _analysis; set => _analysis = value; }
}

/// <summary>Server-side sessions, found by an HttpOnly, Secure, SameSite=Lax cookie.</summary>
public sealed class SessionStore
{
    private const string CookieName = "refapp_session";
    private readonly ConcurrentDictionary<string, UserSession> _sessions = new();
    private volatile UserSession? _lastLaunched;

    /// <summary>The session launched last: what the shared-latest-analysis flaw shows every user.</summary>
    public UserSession? LastLaunched { get => _lastLaunched; set => _lastLaunched = value; }

    public static string NewSecret() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public UserSession Create(HttpResponse response, string accessToken, BaseSpaceUser? user, string returnUrl)
    {
        var session = new UserSession(NewSecret(), accessToken, user, returnUrl);
        _sessions[session.Id] = session;
        response.Cookies.Append(CookieName, session.Id, SecureCookie());
        return session;
    }

    public UserSession? Find(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var id) && _sessions.TryGetValue(id, out var session) ? session : null;

    public void End(HttpContext context)
    {
        if (Find(context.Request) is { } session) _sessions.TryRemove(session.Id, out _);
        context.Response.Cookies.Delete(CookieName, SecureCookie());
    }

    /// <summary>The options every cookie of this app uses, unless a flaw says otherwise.</summary>
    public static CookieOptions SecureCookie(TimeSpan? maxAge = null) => new()
    {
        Secure = true,
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        MaxAge = maxAge,
    };
}
