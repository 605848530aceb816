using ConformanceHarness.Browsers;
using ConformanceHarness.Evidence;
using ConformanceHarness.Secrets;
using Microsoft.Playwright;

namespace ConformanceHarness.Scenarios;

/// <summary>The files one browser visit left under the run's output folder.</summary>
public sealed record VisitFiles(string Requests, string Pages, string Storage, string Cookies, string Console, string Screenshot, string Trace)
{
    public IReadOnlyList<string> All => [Requests, Pages, Storage, Cookies, Console, Screenshot, Trace];
}

/// <summary>What a visit saw, the secrets found in it, where its evidence was written, and how navigation went.</summary>
public sealed record BrowserVisit(BrowserEvidence Browser, IReadOnlyList<LeakFinding> Leaks, VisitFiles Files, string? NavigationError);

/// <summary>
/// Opens a fresh browser context as one user, goes to a URL, lets the scenario wait for what it needs, then
/// takes all the evidence (requests, DOM, storage, cookies, console, screenshot, trace), masked on disk.
/// </summary>
public sealed class BrowserVisitor(BrowserHost host, EvidenceStore store, Func<IReadOnlyList<FakeBaseSpace.IssuedSecret>> secrets)
{
    private static readonly TimeSpan CaptureTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(5);

    public async Task<BrowserVisit> VisitAsync(string name, Cookie? baseSpaceSession, string url, Func<IPage, Task> whileOpen,
        bool judgesTls = false)
    {
        var context = await host.NewContextAsync(baseSpaceSession, judgesTls);
        try
        {
            var recorder = new BrowserRecorder(context);
            await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true, Title = name });
            var page = await context.NewPageAsync();
            var navigationError = await GoToAsync(page, url);
            await whileOpen(page);
            await SettleAsync(page);
            var browser = await recorder.CaptureAsync(CaptureTimeout);

            var masker = SecretMasker.For(secrets());
            var leaks = TokenLeakScanner.For(ScannedSecrets()).Scan(browser, masker);
            var files = new VisitFiles(
                store.WriteJson($"{name}/requests.json", browser.Exchanges),
                store.WriteJson($"{name}/pages.json", browser.Pages),
                store.WriteJson($"{name}/storage.json", browser.Storage),
                store.WriteJson($"{name}/cookies.json", browser.Cookies),
                store.WriteJson($"{name}/console.json", browser.Console),
                await ScreenshotAsync(page, name),
                await TraceAsync(context, name));
            return new BrowserVisit(browser, leaks, files, navigationError);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Access tokens and client secrets: authorization codes travel in URLs by design.</summary>
    private IEnumerable<FakeBaseSpace.IssuedSecret> ScannedSecrets() =>
        secrets().Where(s => s.Kind is FakeBaseSpace.SecretKind.AccessToken or FakeBaseSpace.SecretKind.ClientSecret);

    private static async Task<string?> GoToAsync(IPage page, string url)
    {
        try
        {
            await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            return null;
        }
        catch (PlaywrightException e)
        {
            // A certificate error or a dead app is evidence too; the checks judge it.
            return e.Message.Split('\n')[0];
        }
    }

    /// <summary>Lets scripts and late requests finish; a page that never goes quiet is judged as it is.</summary>
    private static async Task SettleAsync(IPage page)
    {
        try
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = (float)SettleTimeout.TotalMilliseconds });
        }
        catch (TimeoutException)
        {
        }
        catch (PlaywrightException)
        {
        }
    }

    private async Task<string> ScreenshotAsync(IPage page, string name)
    {
        // Secrets rendered as text are blacked out in the picture; the leak itself is reported by fingerprint.
        var masks = ScannedSecrets().Select(s => page.GetByText(s.Value, new PageGetByTextOptions { Exact = false })).ToList();
        try
        {
            var png = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Mask = masks, Timeout = 10_000 });
            return store.WriteBytes($"{name}/screenshot.png", png);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            return store.WriteText($"{name}/screenshot.txt", $"no screenshot: {e.Message}");
        }
    }

    private async Task<string> TraceAsync(IBrowserContext context, string name)
    {
        var raw = Path.Combine(Path.GetTempPath(), $"conform-trace-{Guid.NewGuid():N}.zip");
        try
        {
            await context.Tracing.StopAsync(new TracingStopOptions { Path = raw });
            return store.ImportZip(raw, $"{name}/trace.zip");
        }
        finally
        {
            File.Delete(raw);
        }
    }
}
