using FakeBaseSpace.Api;
using FakeBaseSpace.Http;

namespace FakeBaseSpace.Web;

/// <summary>One request on the web origin, with the signed-in user (from the bs_session cookie).</summary>
internal sealed class WebCall(HttpCall request, BaseSpaceState state)
{
    public HttpCall Request { get; } = request;
    public BaseSpaceState State { get; } = state;
    public User? User { get; } = state.UserOfWebSession(request.Cookies.GetValueOrDefault(WebSession.CookieName));
    public string? ClientId { get; set; }
    public string? AppSessionId { get; set; }
}

/// <summary>The web origin: front page, app launcher, sign-in, OAuth consent, project pages.</summary>
internal sealed class WebSurface
{
    private readonly BaseSpaceState _state;
    private readonly RouteTable<WebCall> _routes = new();

    public WebSurface(BaseSpaceState state)
    {
        _state = state;
        _routes
            .Map("GET", "", (call, _) => FrontPage(call))
            .Map("GET", "apps/launch/{id}", (call, route) => Launch(call, route["id"]))
            .Map("GET", "oauth/authorize", (call, _) => Authorization.Ask(call))
            .Map("POST", "oauth/authorize", (call, _) => Authorization.Decide(call))
            .Map("GET", "oauth/device", (call, _) => DeviceApprovalPage.Ask(call))
            .Map("POST", "oauth/device", (call, _) => DeviceApprovalPage.Decide(call))
            .Map("POST", "signin", (call, _) => SignIn(call))
            .Map("GET", "signout", (_, _) => Reply.Redirect("/", ("Set-Cookie", SessionCookie("", expire: true))))
            .Map("GET", "projects/{id}", (call, route) => ProjectPage(call, route["id"]));
    }

    public Reply Handle(HttpCall request)
    {
        var call = new WebCall(request, _state);
        var handler = _routes.Match(request.Method, request.Segments, out var values);
        var reply = handler is null ? Reply.Html(404, Html.Page("Not found", "<h1>Page not found</h1>")) : handler(call, values);
        _state.Journal.Record(new JournalEntry(DateTimeOffset.UtcNow, "web", request.Method, _state.Mask(request.PathAndQuery),
            reply.StatusCode, call.User?.Id, call.ClientId, call.AppSessionId, null, null, [],
            Excerpts.Of(_state, request.Body, request.ContentType), Excerpts.Of(_state, reply.Body, reply.ContentType)));
        return reply;
    }

    public static string SessionCookie(string value, bool expire = false) =>
        $"{WebSession.CookieName}={value}; Path=/; Secure; HttpOnly; SameSite=Lax" + (expire ? "; Max-Age=0" : "");

    private static Reply FrontPage(WebCall call)
    {
        var who = call.User is { } user
            ? $"""<p>Signed in as <span id="user-name">{Html.Encode(user.Name)}</span>. <a href="/signout">Sign out</a></p>"""
            : "<p>You are not signed in.</p>";
        return Reply.Html(200, Html.Page("Home", $"<h1>BaseSpace</h1>\n{who}"));
    }

    /// <summary>The launcher: the user is signed in to BaseSpace (so we sign them in) and sent to the app.</summary>
    private static Reply Launch(WebCall call, string appSessionId)
    {
        call.AppSessionId = appSessionId;
        AppSession? session;
        lock (call.State.Gate) session = call.State.AppSessions.GetValueOrDefault(appSessionId);
        if (session?.TriggerUrl is null) return Reply.Html(404, Html.Page("Not found", "<h1>No such app launch</h1>"));
        call.ClientId = session.App.ClientId;
        var redirect = Reply.Redirect(session.TriggerUrl);
        return call.User?.Id == session.UserId
            ? redirect
            : redirect.WithHeader("Set-Cookie", SessionCookie(call.State.CreateWebSession(session.UserId)));
    }

    /// <summary>The sign-in form's button for one user: sets the cookie and continues where the user was going.</summary>
    private static Reply SignIn(WebCall call)
    {
        var userId = call.Request.Field("user_id");
        var next = call.Request.Field("continue") is { } c && c.StartsWith('/') && !c.StartsWith("//") ? c : "/";
        if (userId is null) return Reply.Html(400, Html.Page("Sign in", "<h1>Choose a user</h1>"));
        string session;
        try
        {
            session = call.State.CreateWebSession(userId);
        }
        catch (ArgumentException)
        {
            return Reply.Html(400, Html.Page("Sign in", "<h1>Unknown user</h1>"));
        }
        return Reply.Redirect(next, ("Set-Cookie", SessionCookie(session)));
    }

    public static Reply SignInPage(WebCall call, string continueTo)
    {
        var buttons = string.Join("\n", call.State.Tenants.Select(t =>
            $"""
             <form method="post" action="/signin">{Html.Hidden("user_id", t.User.Id)}{Html.Hidden("continue", continueTo)}<button type="submit" name="signin" value="{Html.Encode(t.User.Id)}">Sign in as {Html.Encode(t.User.Name)}</button></form>
             """));
        return Reply.Html(200, Html.Page("Sign in", $"<h1>Sign in to BaseSpace</h1>\n{buttons}"));
    }

    private static Reply ProjectPage(WebCall call, string projectId)
    {
        if (call.User is null) return SignInPage(call, "/" + call.Request.PathAndQuery.TrimStart('/'));
        Project? project;
        User owner;
        lock (call.State.Gate)
        {
            project = call.State.Projects.GetValueOrDefault(projectId);
            if (project is null || !call.State.CanSee(call.User.Id, project))
                return Reply.Html(404, Html.Page("Not found", "<h1>Project not found</h1>"));
            owner = call.State.Users[project.OwnerId];
        }
        return Reply.Html(200, Html.Page(project.Name,
            $"""<h1>Project <span id="project-name">{Html.Encode(project.Name)}</span></h1><p>Owned by {Html.Encode(owner.Name)}.</p>"""));
    }
}
