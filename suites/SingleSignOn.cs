using ConformanceHarness.Evidence;
using NUnit.Framework;

namespace ConformanceHarness.Suites;

/// <summary>
/// 9B "Single sign-on": launched from BaseSpace the user is signed in at once, as the BaseSpace user the
/// token belongs to; arriving directly, they are sent to BaseSpace's sign-in, never to the app's own.
/// </summary>
[TestFixture]
public sealed class SingleSignOn : ChecklistSuite
{
    private static readonly string[] SignInWords =
        ["sign in", "sign-in", "signin", "log in", "log-in", "login", "sign up", "sign-up", "signup", "create account", "create an account", "register"];

    [Test, Check("9B.no-login-after-launch", "After a launch the app asks for no login, sign-up or password")]
    public async Task NoLoginAfterLaunch()
    {
        var launch = await Session.LaunchAsync();
        var walls = LoginWalls(launch.Visit.Browser.Pages).ToList();
        PassIf(walls.Count == 0,
            pass: $"Launched from BaseSpace, the user landed on {LastAppPage(launch.Visit.Browser.Pages)} with no login, sign-up or password field.",
            fail: $"After the launch the app asked the user to sign in: {string.Join("; ", walls)}.",
            hint: "Sign the user in from the launch itself: trade the authorization_code, call users/current, and start a session for that BaseSpace user.",
            [launch.Visit.Files.Pages, launch.Visit.Files.Screenshot]);
    }

    [Test, Check("9B.user-from-basespace", "The app learns who the user is from BaseSpace (users/current)")]
    public async Task UserFromBaseSpace()
    {
        var launch = await Session.LaunchAsync();
        var lookups = launch.AppCalls
            .Where(e => e.Method == "GET" && e.StatusCode == 200 && e.Path.Split('?')[0].TrimEnd('/').EndsWith("/users/current", StringComparison.OrdinalIgnoreCase))
            .ToList();
        PassIf(lookups.Count > 0,
            pass: $"The app called GET users/current with the launch's token ({lookups.Count} time(s)) and so knows the BaseSpace user.",
            fail: $"The app never called GET users/current with the token of {launch.Tenant.User.Name}'s launch ({launch.AppCalls.Count()} API calls seen): it cannot know which BaseSpace user it signed in.",
            hint: "After trading the code, GET {BASESPACE_API_URL}/users/current and sign the user in as that Id (create the account automatically).",
            [launch.JournalFile]);
    }

    [Test, Check("9B.direct-visit-uses-basespace-sign-in", "A direct visit sends the user to BaseSpace's sign-in (OAuth authorize)")]
    public async Task DirectVisitUsesBaseSpaceSignIn()
    {
        var visit = await Session.DirectVisitAsync();
        var authorize = new Uri(new Uri(Session.Fake.WebUrl), "/oauth/authorize");
        var toBaseSpace = visit.Visit.Browser.Navigations
            .Where(n => n.Url.StartsWith(authorize.ToString(), StringComparison.OrdinalIgnoreCase) && ClientIdOf(n.Url) == Session.App.ClientId)
            .ToList();
        var landed = visit.Visit.Browser.Pages.LastOrDefault()?.Url ?? "(no page)";
        PassIf(toBaseSpace.Count > 0,
            pass: $"Opening {visit.StartUrl} directly sent the browser to BaseSpace's /oauth/authorize with the app's client_id.",
            fail: $"Opening {visit.StartUrl} directly never reached BaseSpace's /oauth/authorize for this app; the browser ended at {landed}"
                  + (visit.Visit.NavigationError is { } error ? $" ({error})" : "")
                  + (LoginWalls(visit.Visit.Browser.Pages).Any() ? ", on the app's own login form." : "."),
            hint: "When a user arrives without a session, redirect to {BASESPACE_WEB_URL}/oauth/authorize?client_id=…&redirect_uri=…&response_type=code and sign them in from the code that comes back.",
            [visit.Visit.Files.Requests, visit.Visit.Files.Pages, visit.Visit.Files.Screenshot]);
    }

    [Test, Check("9B.logout-returns-to-basespace", "Logging out of the app returns the user to BaseSpace")]
    public async Task LogoutReturnsToBaseSpace()
    {
        var logout = await Session.LogoutAsync();
        var evidence = new[] { logout.Visit.Files.Requests, logout.Visit.Files.Pages, logout.Visit.Files.Screenshot };
        if (logout.Control is null)
        {
            Warn($"No log-out control (a button or link named \"log out\" or \"sign out\") on {logout.PageBefore}: nothing to judge.",
                "If the app lets users log out, the log-out must take them back to BaseSpace, not to a page of the app.", evidence);
            return;
        }
        var landed = logout.Landed ?? logout.PageBefore;
        PassIf(IsBaseSpacePage(landed),
            pass: $"Pressing \"{logout.Control}\" took the user to BaseSpace ({landed}).",
            fail: $"Pressing \"{logout.Control}\" left the user at {landed}, not on BaseSpace.",
            hint: "After ending the app's session, redirect to BASESPACE_WEB_URL (or the AppSession's OriginatingUri), not to a page of the app or its sign-in.",
            evidence);
    }

    /// <summary>A BaseSpace page a user can rest on: the web origin, but not a sign-in that signs them straight back in.</summary>
    private static bool IsBaseSpacePage(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.GetLeftPart(UriPartial.Authority) == new Uri(Session.Fake.WebUrl).GetLeftPart(UriPartial.Authority)
        && !uri.AbsolutePath.StartsWith("/oauth/", StringComparison.OrdinalIgnoreCase);

    /// <summary>App pages that show a password field or a form offering to log in or sign up.</summary>
    private static IEnumerable<string> LoginWalls(IEnumerable<PageSnapshot> pages)
    {
        foreach (var page in pages.Where(p => IsAppPage(p.Url)))
        {
            if (page.PasswordFields > 0) yield return $"a password field on {page.Url}";
            foreach (var form in page.Forms.Where(f => SignInWords.Any(w => f.Text.Contains(w, StringComparison.OrdinalIgnoreCase))))
                yield return $"a form \"{Shorten(form.Text)}\" on {page.Url}";
        }
    }

    internal static bool IsAppPage(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.GetLeftPart(UriPartial.Authority) == Session.AppUrl.GetLeftPart(UriPartial.Authority);

    private static string LastAppPage(IEnumerable<PageSnapshot> pages) =>
        pages.LastOrDefault(p => IsAppPage(p.Url))?.Url ?? "(no app page)";

    private static string? ClientIdOf(string url) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)["client_id"];

    private static string Shorten(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 60 ? flat : flat[..60] + "…";
    }
}
