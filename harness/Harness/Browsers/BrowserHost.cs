using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Playwright;

namespace ConformanceHarness.Browsers;

/// <summary>
/// One Chromium for the run, trusting exactly the certificates the harness issued (by public key pin), so
/// that any other certificate problem of the app stays visible. Each user gets a context of their own.
/// </summary>
public sealed class BrowserHost : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserHost(IPlaywright playwright, IBrowser browser, BrowserChoice choice)
    {
        _playwright = playwright;
        _browser = browser;
        Choice = choice;
    }

    public BrowserChoice Choice { get; }

    public static async Task<BrowserHost> LaunchAsync(string? browserSetting, IEnumerable<X509Certificate2> trusted)
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var choice = BrowserLocator.Locate(playwright, browserSetting);
            var pins = string.Join(',', trusted.Select(PublicKeyPin));
            List<string> args =
            [
                $"--ignore-certificate-errors-spki-list={pins}",
                // Without these Chromium keeps reaching for the internet, which this machine does not have.
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--disable-quic", "--disable-gpu",
            ];
            if (Environment.UserName == "root") args.Add("--no-sandbox");
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = choice.ExecutablePath,
                Headless = true,
                Args = args,
                Timeout = 30_000,
            });
            return new BrowserHost(playwright, browser, choice);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A fresh context (cookies, storage) for one user, signed in to BaseSpace's web site when a cookie is
    /// given. Only a context that <paramref name="judgesTls"/> refuses bad certificates, as a user's browser
    /// would: the others look past them, so that an app's certificate problem fails 8A and nothing else.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(Cookie? baseSpaceSession, bool judgesTls)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            IgnoreHTTPSErrors = !judgesTls,
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        if (baseSpaceSession is not null) await context.AddCookiesAsync([baseSpaceSession]);
        return context;
    }

    /// <summary>Chromium's pin format: base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo.</summary>
    public static string PublicKeyPin(X509Certificate2 certificate) =>
        Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // The browser is already gone or hung; disposing the driver below ends it.
        }
        _playwright.Dispose();
    }
}
