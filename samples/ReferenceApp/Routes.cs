namespace ReferenceApp;

/// <summary>The app's URLs and what answers each.</summary>
public static class Routes
{
    public static void MapReferenceApp(this WebApplication app, AppConfig config)
    {
        var sessions = app.Services.GetRequiredService<SessionStore>();
        var pages = app.Services.GetRequiredService<Pages>();
        var signIn = app.Services.GetRequiredService<SignIn>();

        app.Use((context, next) =>
        {
            // No page of this app may travel in a Referer, be cached, or be sniffed into another type.
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return next(context);
        });

        app.MapGet("/health", () => "ok");
        app.MapGet("/app.css", () => Results.Text(Pages.Stylesheet, "text/css"));
        app.MapGet("/app.js", () => Results.Text(Pages.StatusScript, "text/javascript"));
        // Async handlers take HttpRequest so the route maps them as handlers whose IResult is written, not as RequestDelegates.
        app.MapGet("/launch", (HttpRequest r) => signIn.LaunchAsync(r.HttpContext));
        app.MapGet("/oauth/callback", (HttpRequest r) => signIn.CallbackAsync(r.HttpContext));
        app.MapGet("/", (HttpContext c) => sessions.Find(c.Request) is null ? signIn.DirectVisit(c) : Results.Redirect("/home"));
        app.MapMethods("/logout", ["GET", "POST"], (HttpContext c) => signIn.LogOut(c));
        app.MapGet("/signed-out", () => pages.SignedOut());
        app.MapGet("/home", (HttpContext c) => sessions.Find(c.Request) is { } s ? pages.Home(s) : signIn.DirectVisit(c));
        app.MapGet("/results", (HttpContext c) => sessions.Find(c.Request) switch
        {
            null => signIn.DirectVisit(c),
            { Analysis: null } => Results.Redirect("/home"),
            var s => pages.Results(s, AnalysisShownTo(s)),
        });
        // The results page polls this; it answers for the caller's own session only.
        app.MapGet("/status", (HttpContext c) => sessions.Find(c.Request) is { } s && AnalysisShownTo(s) is var a
            ? Results.Json(new { status = a?.Status ?? "none", summary = a?.Summary })
            : Results.Unauthorized());
        // A user sees their own analysis; the shared-latest-analysis flaw shows everyone the last one launched.
        AnalysisStatus? AnalysisShownTo(UserSession session) =>
            config.Flaws[Flaw.SharedLatestAnalysis] ? sessions.LastLaunched?.Analysis ?? session.Analysis : session.Analysis;

        // Exists only for the flaws whose page script leaks the token; a conformant app never hands it out.
        if (config.Flaws.ExposesTokenEndpoint)
            app.MapGet("/api/token", (HttpContext c) => sessions.Find(c.Request) is { } s
                ? Results.Json(new { token = s.AccessToken })
                : Results.Unauthorized());
    }
}
