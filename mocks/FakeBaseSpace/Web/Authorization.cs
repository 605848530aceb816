using FakeBaseSpace.Http;

namespace FakeBaseSpace.Web;

/// <summary>
/// OAuth's authorize step on the web origin: check the client and redirect_uri, sign the user in if needed,
/// show a consent page naming the app and the scopes, then send the browser back with a code or an error.
/// </summary>
internal static class Authorization
{
    private sealed record Request(RegisteredApp App, string RedirectUri, string? State, string ScopeText, ScopeSet Scopes);

    public static Reply Ask(WebCall call)
    {
        if (Validate(call) is not { } outcome) return RefusalPage(call);
        if (outcome.Reply is { } early) return early;
        if (call.User is null) return WebSurface.SignInPage(call, "/" + call.Request.PathAndQuery.TrimStart('/'));
        var request = outcome.Request!;
        switch (call.State.Consent)
        {
            case ConsentMode.Approve: return Approve(call, call.User, request);
            case ConsentMode.Deny: return Deny(request);
        }
        var scopes = request.Scopes.Names.Count == 0
            ? "<li>Basic information about you</li>"
            : string.Join("", request.Scopes.Names.Select(s => $"<li>{Html.Encode(s)}</li>"));
        var fields = Html.Hidden("client_id", request.App.ClientId) + Html.Hidden("redirect_uri", request.RedirectUri) +
                     Html.Hidden("response_type", "code") + Html.Hidden("scope", request.ScopeText) + Html.Hidden("state", request.State);
        return Reply.Html(200, Html.Page("Authorize " + request.App.Name,
            $"""
             <h1><span id="app-name">{Html.Encode(request.App.Name)}</span> would like to access your BaseSpace data</h1>
             <p>Signed in as {Html.Encode(call.User.Name)}. The app asks for:</p>
             <ul id="scopes">{scopes}</ul>
             <form method="post" action="/oauth/authorize">{fields}
             <button type="submit" name="decision" value="approve" id="approve">Approve</button>
             <button type="submit" name="decision" value="deny" id="deny">Deny</button>
             </form>
             """));
    }

    public static Reply Decide(WebCall call)
    {
        if (Validate(call) is not { } outcome) return RefusalPage(call);
        if (outcome.Reply is { } early) return early;
        if (call.User is null) return WebSurface.SignInPage(call, "/");
        var request = outcome.Request!;
        return string.Equals(call.Request.Field("decision"), "approve", StringComparison.OrdinalIgnoreCase)
            ? Approve(call, call.User, request)
            : Deny(request);
    }

    private static Reply Approve(WebCall call, User user, Request request)
    {
        AuthorizationCode code;
        lock (call.State.Gate) code = call.State.IssueCode(request.App, user.Id, request.Scopes, request.RedirectUri);
        return Back(request, "code=" + Encode(code.Code));
    }

    private static Reply Deny(Request request) =>
        Back(request, "error=access_denied&error_description=" + Encode("The user denied access"));

    /// <summary>
    /// Null when the client or redirect_uri is bad (the user must not be sent anywhere); a redirect with an
    /// OAuth error for a bad response_type or scope; otherwise the request to ask the user about.
    /// </summary>
    private static (Request? Request, Reply? Reply)? Validate(WebCall call)
    {
        var fields = call.Request;
        call.ClientId = fields.Field("client_id");
        RegisteredApp? app;
        lock (call.State.Gate) app = call.State.AppByClientId(call.ClientId);
        var redirectUri = fields.Field("redirect_uri");
        if (app is null || redirectUri is null || !RedirectAllowed(app, redirectUri)) return null;

        var state = fields.Field("state");
        var partial = new Request(app, redirectUri, state, "", ScopeSet.Empty);
        if (fields.Field("response_type") != "code")
            return (null, Back(partial, "error=unsupported_response_type&error_description=" + Encode("response_type must be code")));
        var scopeText = fields.Field("scope") ?? "";
        if (ScopeSet.TryParse(scopeText) is not { } scopes)
            return (null, Back(partial, "error=invalid_scope&error_description=" + Encode($"'{scopeText}' is not a valid scope")));
        return (partial with { ScopeText = scopeText, Scopes = scopes }, null);
    }

    private static Reply Back(Request request, string query)
    {
        var state = request.State is null ? "" : "&state=" + Encode(request.State);
        var separator = request.RedirectUri.Contains('?') ? "&" : "?";
        return Reply.Redirect(request.RedirectUri + separator + query + state + "&action=oauthv2authorization");
    }

    private static Reply RefusalPage(WebCall call) => Reply.Html(400, Html.Page("Authorization error",
        $"<h1>Authorization error</h1><p>Unknown client_id or a redirect_uri not registered for it: {Html.Encode(call.ClientId ?? "(none)")}.</p>"));

    /// <summary>
    /// redirect_uri must be on the app's registered origin; on loopback (localhost, 127.0.0.1) the scheme and
    /// port may differ, as BaseSpace allows for local development.
    /// </summary>
    public static bool RedirectAllowed(RegisteredApp app, string redirectUri)
    {
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var target) || !Uri.TryCreate(app.AppOrigin, UriKind.Absolute, out var origin))
            return false;
        if (target.Scheme is not ("http" or "https")) return false;
        if (origin.IsLoopback && target.IsLoopback) return true;
        return target.Scheme == origin.Scheme && target.IdnHost.Equals(origin.IdnHost, StringComparison.OrdinalIgnoreCase) && target.Port == origin.Port;
    }

    private static string Encode(string value) => System.Web.HttpUtility.UrlEncode(value);
}
