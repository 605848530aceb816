using NUnit.Framework;

namespace ConformanceHarness.Suites;

/// <summary>9A "Returning to BaseSpace": a simple, consistent way back from the app to BaseSpace.</summary>
[TestFixture]
public sealed class ReturningToBaseSpace : ChecklistSuite
{
    [Test, Check("9A.link-back-to-basespace", "The app links back to BaseSpace")]
    public async Task LinkBackToBaseSpace()
    {
        var launch = await Session.LaunchAsync();
        var baseSpace = new Uri(Session.Fake.WebUrl).GetLeftPart(UriPartial.Authority);
        var appPages = launch.Visit.Browser.Pages.Where(p => SingleSignOn.IsAppPage(p.Url)).ToList();
        var links = appPages.SelectMany(p => p.Links)
            .Where(l => Uri.TryCreate(l.Href, UriKind.Absolute, out var href) && href.GetLeftPart(UriPartial.Authority) == baseSpace)
            .ToList();
        PassIf(links.Count > 0,
            pass: $"The app's page links back to BaseSpace: \"{links.FirstOrDefault()?.Text.Trim()}\" → {links.FirstOrDefault()?.Href}.",
            fail: $"No link to BaseSpace ({baseSpace}) on the app's page{(appPages.Count == 1 ? "" : "s")} after the launch ({string.Join(", ", appPages.Select(p => p.Url))}).",
            hint: "Show a link back to BaseSpace on every page: to the AppSession's OriginatingUri (the page the user launched from) or to BaseSpace's front page.",
            [launch.Visit.Files.Pages, launch.Visit.Files.Screenshot]);
    }
}
