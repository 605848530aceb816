using Microsoft.Playwright;

namespace ConformanceHarness.Browsers;

/// <summary>No Chromium could be found; the message says how to install one.</summary>
public sealed class BrowserNotFoundException(string message) : Exception(message);

/// <summary>Where the Chromium the harness drives comes from, for the report.</summary>
public sealed record BrowserChoice(string ExecutablePath, string Source);

/// <summary>
/// Finds a Chromium in this order: the explicit setting, the CONFORM_BROWSER variable, Playwright's own
/// downloaded browser, then the system's Chromium. Machines without internet have only the last.
/// </summary>
public static class BrowserLocator
{
    public const string EnvironmentVariable = "CONFORM_BROWSER";

    private static readonly string[] SystemChromiums =
    [
        "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
        "/snap/bin/chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ];

    public static BrowserChoice Locate(IPlaywright playwright, string? setting)
    {
        if (!string.IsNullOrWhiteSpace(setting))
            return Existing(setting, "the --browser setting");
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return Existing(fromEnvironment, $"the {EnvironmentVariable} variable");
        var playwrightOwn = PlaywrightChromium(playwright);
        if (playwrightOwn is not null) return new BrowserChoice(playwrightOwn, "Playwright's own Chromium");
        var system = SystemChromiums.FirstOrDefault(File.Exists);
        if (system is not null) return new BrowserChoice(system, "the system's Chromium");
        throw new BrowserNotFoundException("No Chromium found. " + InstallHint);
    }

    private static readonly string InstallHint =
        "Install one of:\n" +
        "  - Debian/Ubuntu: sudo apt-get install -y chromium   (then /usr/bin/chromium is used)\n" +
        "  - with internet: pwsh harness/Conform/bin/Release/net10.0/playwright.ps1 install chromium\n" +
        $"  - or point {EnvironmentVariable}=/path/to/chrome (or --browser PATH) at any Chromium-based browser.";

    private static BrowserChoice Existing(string path, string source) =>
        File.Exists(path)
            ? new BrowserChoice(path, source)
            : throw new BrowserNotFoundException($"{source} names '{path}', which does not exist. " + InstallHint);

    private static string? PlaywrightChromium(IPlaywright playwright)
    {
        try
        {
            var path = playwright.Chromium.ExecutablePath;
            return File.Exists(path) ? path : null;
        }
        catch (PlaywrightException)
        {
            return null; // Playwright has no browser of its own here
        }
    }
}
