using System.Text.Encodings.Web;

namespace ReferenceApp;

/// <summary>The app's HTML. Everything that comes from a user or from BaseSpace is HTML-encoded.</summary>
public sealed class Pages(AppConfig config)
{
    public const string Stylesheet = """
        body { font-family: system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
        header { border-bottom: 1px solid #ccc; margin-bottom: 1rem; }
        nav { display: flex; gap: 1rem; align-items: center; margin-top: 2rem; }
        nav form { margin: 0; }
        label { display: block; margin: .5rem 0; }
        """;

    /// <summary>Polls this session's analysis status once a second until it is final.</summary>
    public const string StatusScript = """
        (function poll() {
          fetch('/status', { credentials: 'same-origin', cache: 'no-store' })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (s) {
              if (!s) return;
              document.getElementById('status').textContent = s.status;
              document.getElementById('summary').textContent = s.summary || '';
              if (s.status !== 'Complete' && s.status !== 'Aborted') setTimeout(poll, 1000);
            })
            .catch(function () { setTimeout(poll, 1000); });
        })();
        """;

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>After a launch: who is signed in and how the analysis (<paramref name="shown"/>) is going.</summary>
    public IResult Results(UserSession session, AnalysisStatus? shown)
    {
        if (config.Flaws[Flaw.LoginWall]) return LoginForm(session.ReturnUrl);

        var analysis = shown ?? new AnalysisStatus("Starting", null);
        var main = $"""
            <section>
              <h2>Analysis</h2>
              <p>Status: <strong id="status">{Html.Encode(analysis.Status)}</strong></p>
              <p id="summary">{Html.Encode(analysis.Summary ?? "")}</p>
            </section>
            """;
        if (config.Flaws[Flaw.TokenInPage])
            main += $"""<input type="hidden" name="token" value="{Html.Encode(session.AccessToken)}">""";
        return Page(StatusCodes.Status200OK, "Results", SignedIn(session, main) + """<script src="/app.js"></script>""" + TokenScript());
    }

    /// <summary>After a direct visit: signed in, nothing to analyse.</summary>
    public IResult Home(UserSession session) => Page(StatusCodes.Status200OK, "Home",
        SignedIn(session, "<p>Start Reference App from a sample in BaseSpace to analyse it.</p>"));

    /// <summary>The app's own sign-in form; only ever shown by a flaw (a conformant app relies on BaseSpace's sign-in).</summary>
    public IResult LoginForm(string returnUrl) => Page(StatusCodes.Status200OK, "Sign in", $"""
        {Header()}
        <main>
          <h2>Sign in to Reference App</h2>
          <form method="post" action="/login">
            <label>Username <input type="text" name="username" autocomplete="username"></label>
            <label>Password <input type="password" name="password" autocomplete="current-password"></label>
            <button type="submit">Sign in</button>
          </form>
        </main>
        <nav>{BackLink(returnUrl)}</nav>
        """);

    /// <summary>An explanation (a refused or failed sign-in, a broken launch link) with the way back to BaseSpace.</summary>
    public IResult Message(int statusCode, string title, string text, string returnUrl) => Page(statusCode, title, $"""
        {Header()}
        <main><h2>{Html.Encode(title)}</h2><p>{Html.Encode(text)}</p></main>
        <nav>{BackLink(returnUrl)}</nav>
        """);

    /// <summary>Where the logout-stays-in-app flaw leaves the user: the app's own page, not BaseSpace.</summary>
    public IResult SignedOut() => Page(StatusCodes.Status200OK, "Signed out", $"""
        {Header()}
        <main><h2>You have signed out of {AppConfig.AppName}</h2></main>
        """);

    private string SignedIn(UserSession session, string main) => $"""
        {Header()}
        <p>Signed in{(session.User?.Name is { } name ? " as " + Html.Encode(name) : "")}</p>
        <main>{main}</main>
        <nav>
          {BackLink(session.ReturnUrl)}
          <form method="post" action="/logout"><button type="submit">Log out</button></form>
        </nav>
        """;

    private string Header() =>
        $"<header><h1>{AppConfig.AppName}{(config.Flaws[Flaw.NoVersion] ? "" : " v" + AppConfig.Version)}</h1></header>";

    /// <summary>The way back to BaseSpace on every page (the no-basespace-link flaw leaves it out).</summary>
    private string BackLink(string returnUrl) =>
        config.Flaws[Flaw.NoBaseSpaceLink] ? "" : $"""<a href="{Html.Encode(returnUrl)}">Back to BaseSpace</a>""";

    /// <summary>The token-in-storage and token-in-console flaws: a script that fetches the token and leaks it.</summary>
    private string TokenScript()
    {
        var leaks = (config.Flaws[Flaw.TokenInStorage] ? "localStorage.setItem('basespace_token', d.token);" : "")
                    + (config.Flaws[Flaw.TokenInConsole] ? "console.log('BaseSpace access token: ' + d.token);" : "");
        return leaks.Length == 0 ? "" :
            $"<script>fetch('/api/token', {{ credentials: 'same-origin' }}).then(function (r) {{ return r.json(); }}).then(function (d) {{ {leaks} }});</script>";
    }

    private static IResult Page(int statusCode, string title, string body) => TypedResults.Content($"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>{Html.Encode(title)} – {AppConfig.AppName}</title>
          <link rel="stylesheet" href="/app.css">
        </head>
        <body>
        {body}
        </body>
        </html>
        """, "text/html; charset=utf-8", statusCode: statusCode);
}
