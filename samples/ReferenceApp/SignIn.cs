using System.Text.RegularExpressions;

namespace ReferenceApp;

/// <summary>
/// How a user gets a session: launched from BaseSpace (a pre-authorized trigger carrying a code), or a
/// direct visit sent through BaseSpace's OAuth authorize page. Either way the code is traded on the server
/// and the token never reaches the browser.
/// </summary>
public sealed partial class SignIn(AppConfig config, BaseSpaceClient baseSpace, SessionStore sessions, Analysis analysis,
    Pages pages, ILogger<SignIn> log)
{
    private const string StateCookie = "refapp_oauth_state";

    // The id goes into API paths, so only id characters are accepted.
    [GeneratedRegex("^/?(?:v1pre3/)?appsessions/([A-Za-z0-9_-]+)/?$")]
    private static partial Regex AppSessionUri();

    /// <summary><c>GET /launch?action=trigger&amp;appsessionuri=v1pre3/appsessions/{id}&amp;authorization_code={code}</c></summary>
    public async Task<IResult> LaunchAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var appSession = AppSessionUri().Match(query["appsessionuri"].ToString());
        var code = query["authorization_code"].ToString();
        if (query["action"] != "trigger" || !appSession.Success || code.Length == 0)
            return pages.Message(StatusCodes.Status400BadRequest, "This launch link is incomplete",
                "Start Reference App from BaseSpace: the launch needs an AppSession and an authorization code.", config.WebFrontPage);

        var appSessionId = appSession.Groups[1].Value;
        var session = await TrySignInAsync(context, code, config.LaunchRedirectUri, appSessionId);
        if (session is null) return SignInFailed();
        log.LogInformation("Launch of AppSession {AppSession} by user {User}", appSessionId, session.User?.Id ?? "(not looked up)");

        if (config.Flaws[Flaw.TokenInCookie])
        {
            var readableByScripts = SessionStore.SecureCookie();
            readableByScripts.HttpOnly = false;
            context.Response.Cookies.Append("basespace_token", session.AccessToken, readableByScripts);
        }
        sessions.LastLaunched = session;
        await analysis.StartAsync(session, appSessionId);
        return Results.Redirect(config.Flaws[Flaw.TokenInUrl]
            ? "/results?access_token=" + Uri.EscapeDataString(session.AccessToken)
            : "/results");
    }

    /// <summary>A visit without a session: off to BaseSpace to sign in, with a state bound to this browser.</summary>
    public IResult DirectVisit(HttpContext context)
    {
        if (config.Flaws[Flaw.DirectVisitLoginPage]) return pages.LoginForm(config.WebFrontPage);

        var state = SessionStore.NewSecret();
        context.Response.Cookies.Append(StateCookie, state, SessionStore.SecureCookie(TimeSpan.FromMinutes(10)));
        return Results.Redirect(config.WebUrl.GetLeftPart(UriPartial.Authority) + "/oauth/authorize"
            + $"?client_id={Uri.EscapeDataString(config.ClientId)}"
            + $"&redirect_uri={Uri.EscapeDataString(config.CallbackRedirectUri)}"
            + "&response_type=code"
            + $"&scope={Uri.EscapeDataString("browse global")}"
            + $"&state={Uri.EscapeDataString(state)}");
    }

    /// <summary><c>GET /oauth/callback?code=…&amp;state=…</c> (or <c>error=…</c> when the user refused).</summary>
    public async Task<IResult> CallbackAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var expectedState = context.Request.Cookies[StateCookie];
        context.Response.Cookies.Delete(StateCookie, SessionStore.SecureCookie());

        if (query["error"].ToString() is { Length: > 0 } error)
            return pages.Message(StatusCodes.Status403Forbidden, "Sign-in refused",
                $"BaseSpace did not sign you in to Reference App ({error}: {query["error_description"]}). Nothing was shared with the app.",
                config.WebFrontPage);
        if (string.IsNullOrEmpty(expectedState) || query["state"] != expectedState)
            return pages.Message(StatusCodes.Status400BadRequest, "Sign-in could not be verified",
                "This sign-in did not start in this browser, or took too long. Please start again from BaseSpace.", config.WebFrontPage);
        if (query["code"].ToString() is not { Length: > 0 } code)
            return pages.Message(StatusCodes.Status400BadRequest, "Sign-in incomplete", "BaseSpace sent no authorization code.", config.WebFrontPage);

        var session = await TrySignInAsync(context, code, config.CallbackRedirectUri);
        if (session is null) return SignInFailed();
        log.LogInformation("Direct sign-in by user {User}", session.User?.Id ?? "(not looked up)");
        return Results.Redirect("/home");
    }

    /// <summary><c>POST|GET /logout</c>: the session ends on the server and the user returns to BaseSpace.</summary>
    public IResult LogOut(HttpContext context)
    {
        sessions.End(context);
        return Results.Redirect(config.Flaws[Flaw.LogoutStaysInApp] ? "/signed-out" : config.WebFrontPage);
    }

    /// <summary>
    /// Trades the code for a token, identifies the user, and opens a session; null when BaseSpace said no.
    /// A launch (<paramref name="appSessionId"/>) whose user cannot be identified is ended on the AppSession
    /// rather than left Running.
    /// </summary>
    private async Task<UserSession?> TrySignInAsync(HttpContext context, string code, string redirectUri, string? appSessionId = null)
    {
        string token;
        try
        {
            token = await baseSpace.ExchangeCodeAsync(code, redirectUri, context.RequestAborted);
        }
        catch (Exception e) when (e is BaseSpaceException or HttpRequestException)
        {
            log.LogWarning("Sign-in failed: {Error}", e.Message);
            return null;
        }
        try
        {
            var user = config.Flaws[Flaw.SkipUserLookup] ? null : await baseSpace.GetCurrentUserAsync(token, context.RequestAborted);
            return sessions.Create(context.Response, token, user, config.WebFrontPage);
        }
        catch (Exception e) when (e is BaseSpaceException or HttpRequestException)
        {
            log.LogWarning("Sign-in failed: users/current: {Error}", e.Message);
            if (appSessionId is not null)
                await analysis.TryAbortAsync(token, appSessionId, "Reference App could not identify the BaseSpace user who launched it.");
            return null;
        }
    }

    private IResult SignInFailed() => pages.Message(StatusCodes.Status502BadGateway, "Sign-in failed",
        "BaseSpace could not confirm your sign-in. Please start Reference App again from BaseSpace.", config.WebFrontPage);
}
