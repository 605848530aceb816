using NUnit.Framework;

namespace ConformanceHarness.Suites;

/// <summary>7 "Documentation and Support", the part a machine can see: the app shows its version (7C).</summary>
[TestFixture]
public sealed class Documentation : ChecklistSuite
{
    [Test, Check("7C.version-in-gui", "The app shows its version in its pages")]
    public async Task VersionInGui()
    {
        var launch = await Session.LaunchAsync();
        var version = Session.Profile.App.Version;
        var evidence = new[] { launch.Visit.Files.Pages, launch.Visit.Files.Screenshot };
        if (version.Length == 0)
        {
            Warn("The profile gives no app.version, so there is no version to look for in the app.",
                "Set app.version in the profile to the version the app should show.", evidence);
            return;
        }
        var appPages = launch.Visit.Browser.Pages.Where(p => SingleSignOn.IsAppPage(p.Url)).ToList();
        var showing = appPages.FirstOrDefault(p => p.Text.Contains(version, StringComparison.Ordinal));
        PassIf(showing is not null,
            pass: $"The app's page {showing?.Url} shows version {version}.",
            fail: $"Version {version} (app.version in the profile) is not shown on the app's page after the launch ({string.Join(", ", appPages.Select(p => p.Url))}).",
            hint: "Show the app's version in its pages (a header or footer) and in the reports it writes.",
            evidence);
    }
}
