using System.Collections.Concurrent;
using System.Diagnostics;
using ConformanceHarness.Apps;
using ConformanceHarness.Browsers;
using ConformanceHarness.Evidence;
using ConformanceHarness.Profiles;
using ConformanceHarness.Scenarios;
using ConformanceHarness.Secrets;
using FakeBaseSpace;
using FakeBaseSpace.Tls;
using Microsoft.Playwright;
using System.Security.Cryptography.X509Certificates;

namespace ConformanceHarness;

/// <summary>
/// One certification run: the fake BaseSpace, the app under test, the browser, and the scenarios whose
/// evidence the checks judge. Each scenario runs once, on first demand (or all at once for a full run), and
/// is shared by every check. Disposing stops everything the run started.
/// </summary>
public sealed class CertificationSession : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _scenarios = new();
    /// <summary>Scenarios run side by side, each with tenants of its own; a few at a time on a small machine.</summary>
    private const int ScenarioSlots = 3;
    private readonly SemaphoreSlim _scenarioSlots = new(ScenarioSlots, ScenarioSlots);
    /// <summary>What the run started, stopped last-started-first; the app's start adds to it from another task.</summary>
    private readonly ConcurrentStack<IAsyncDisposable> _owned = new();
    private readonly IProgress<string> _progress;
    private readonly CancellationTokenSource _stopping = new();

    private CertificationSession(RunSettings settings, AppProfile profile, IProgress<string> progress)
    {
        Settings = settings;
        Profile = profile;
        _progress = progress;
        Store = new EvidenceStore(settings.OutDirectory, () => SecretMasker.For(Fake.State.IssuedSecrets()));
    }

    public RunSettings Settings { get; }
    public AppProfile Profile { get; }

    /// <summary>Cancelled when the user interrupts the run: scenarios stop waiting at once.</summary>
    public CancellationToken Stopping => _stopping.Token;
    public RunTimings Timings { get; } = new();
    public EvidenceStore Store { get; }
    public FakeBaseSpaceServer Fake { get; private set; } = null!;
    public RegisteredApp App { get; private set; } = null!;
    public Uri AppUrl { get; private set; } = null!;
    public BrowserChoice Browser => _browser.Choice;
    public BrowserVisitor Visitor { get; private set; } = null!;
    public AppProcess? AppProcess { get; private set; }
    private BrowserHost _browser = null!;

    /// <summary>Starts the fake, the app (or attaches to it) and the browser. On failure, stops what it started.</summary>
    public static async Task<CertificationSession> StartAsync(RunSettings settings, IProgress<string> progress, CancellationToken cancel)
    {
        var profile = ProfileLoader.Load(settings.ProfilePath);
        var session = new CertificationSession(settings, profile, progress);
        try
        {
            await session.StartPartsAsync(cancel);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private async Task StartPartsAsync(CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        _progress.Report("Starting the fake BaseSpace");
        var ca = TestCertificateAuthority.LoadOrCreate(Settings.StateDirectory);
        var fakeCertificate = StartFake(ca);
        var start = Profile.App.Start;
        var port = Profile.App.Url?.Port ?? AppProcess.FreeLoopbackPort();
        AppUrl = Profile.App.Url ?? new Uri($"https://127.0.0.1:{port}");
        App = Fake.State.RegisterApp(Profile.App.Name, "App developer", Profile.App.Version, AppUrl.GetLeftPart(UriPartial.Authority),
            new Uri(AppUrl, Profile.App.LaunchPath).ToString(), Profile.Fake.ClientId, Profile.Fake.ClientSecret);

        // The browser trusts the fake's certificate and the app's, when the harness's CA issued it: nothing else.
        var appCertificate = start is null
            ? await AppCertificate.ReadAsync(AppUrl, TimeSpan.FromSeconds(10)) is { } served && ca.Signed(served.Certificate) ? served.Certificate : null
            : ca.IssueServerCertificate();
        // The browser starts while the fake warms up and the app boots.
        using var starting = CancellationTokenSource.CreateLinkedTokenSource(cancel, Stopping);
        var ready = PrepareFakeThenStartAppAsync(ca, start, appCertificate, port, starting.Token);
        _progress.Report("Starting the browser");
        try
        {
            _browser = await BrowserHost.LaunchAsync(Settings.Browser, appCertificate is null ? [fakeCertificate] : [fakeCertificate, appCertificate]);
        }
        catch
        {
            // Let the app's start end before the caller stops everything, or it could add a process after that.
            await starting.CancelAsync();
            await ready.ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }
        _owned.Push(_browser);
        Visitor = new BrowserVisitor(_browser, Store, Fake.State.IssuedSecrets);
        Timings.HarnessStart = clock.Elapsed;
        await ready;
        _progress.Report($"App ready at {AppUrl}");
    }

    private X509Certificate2 StartFake(TestCertificateAuthority ca)
    {
        var certificate = ca.IssueServerCertificate();
        Fake = FakeBaseSpaceServer.Start(new FakeServerOptions
        {
            Certificate = certificate, ApiPort = Profile.Fake.ApiPort, WebPort = Profile.Fake.WebPort,
        });
        _owned.Push(new DisposeAction(() => Fake.Dispose()));
        return certificate;
    }

    /// <summary>
    /// Warms the fake, then puts the profile's faults in force (so the warm-up cannot use them up), then
    /// starts the app, which from its first call meets the fake as the profile describes it.
    /// </summary>
    private async Task PrepareFakeThenStartAppAsync(TestCertificateAuthority ca, StartSection? start, X509Certificate2? appCertificate, int port, CancellationToken cancel)
    {
        await WarmUpFakeAsync(ca, cancel);
        foreach (var fault in Profile.Faults) Fake.Faults.Add(fault);
        if (start is null) return;
        _progress.Report($"Starting the app: {start.Command}");
        await StartAppAsync(start, ca, appCertificate!, port, cancel);
    }

    /// <summary>
    /// One call to each origin, so that the first scenario does not pay the fake's first-request cost (about a
    /// second of JIT) inside its own timings. They show in the journal as calls without user or app.
    /// </summary>
    private async Task WarmUpFakeAsync(TestCertificateAuthority ca, CancellationToken cancel)
    {
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && ca.Signed(certificate),
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        await Task.WhenAll(http.GetAsync(Fake.WebUrl + "/", cancel), http.GetAsync(Fake.ApiUrl + "/users/current", cancel));
    }

    /// <summary>Starts the app with the environment contract and waits until it answers its ready path.</summary>
    private async Task StartAppAsync(StartSection start, TestCertificateAuthority ca, X509Certificate2 certificate, int port, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        // The app's private key and raw log stay out of the report folder and go when the run ends.
        var folder = Directory.CreateTempSubdirectory("conform-app-").FullName;
        _owned.Push(new DisposeAction(() => Directory.Delete(folder, recursive: true)));
        var environment = new AppEnvironment(Fake.ApiUrl, Fake.WebUrl, App.ClientId, App.ClientSecret, ca.CaPemPath, port,
            AppUrl.GetLeftPart(UriPartial.Authority), Path.Combine(folder, "app.crt.pem"), Path.Combine(folder, "app.key.pem"));
        TestCertificateAuthority.WritePem(certificate, environment.TlsCertFile, environment.TlsKeyFile);
        AppProcess = AppProcess.Start(start, Profile.BaseDirectory, environment.ToVariables(), Path.Combine(folder, "app.raw.log"));
        _owned.Push(new DisposeAction(StopApp));
        await AppProcess.WaitUntilReadyAsync(new Uri(AppUrl, start.ReadyPath), TimeSpan.FromSeconds(start.ReadySeconds), cancel);
        Timings.AppStart = clock.Elapsed;
    }

    /// <summary>Masks every secret the fake has issued so far: for anything a person or a report will read.</summary>
    public string Mask(string text) => SecretMasker.For(Fake.State.IssuedSecrets()).Mask(text);

    /// <summary>The cookie that signs <paramref name="tenant"/>'s browser in to the fake BaseSpace web site.</summary>
    public Cookie WebSessionCookie(Tenant tenant) => new()
    {
        Name = WebSession.CookieName,
        Value = Fake.State.CreateWebSession(tenant.User.Id),
        Url = Fake.WebUrl,
        HttpOnly = true,
        Secure = true,
    };

    /// <summary>The first seeded user: the one whose single launch most checks judge.</summary>
    public Tenant UserA => Fake.State.Tenants[0];

    /// <summary>
    /// A user of the run's own, added to the fake for one scenario, so that scenarios running at the same
    /// time never write into each other's projects.
    /// </summary>
    private Tenant NewTenant(string name) =>
        Fake.State.AddTenant($"{name} Tenant", $"{name.ToLowerInvariant()}@example.test", $"{name} Project", $"{name}-Sample-1");

    /// <summary>The launch of the app by user A.</summary>
    public Task<LaunchEvidence> LaunchAsync() =>
        ScenarioAsync("launch-user-a", () => LaunchScenario.RunAsync(this, UserA, "launch-user-a"));

    /// <summary>User A opening the app's address without a launch.</summary>
    public Task<DirectVisitEvidence> DirectVisitAsync() =>
        ScenarioAsync("direct-visit-user-a", () => DirectVisitScenario.RunAsync(this, UserA, "direct-visit-user-a"));

    /// <summary>A user launching the app and then logging out of it.</summary>
    public Task<LogoutEvidence> LogoutAsync() =>
        ScenarioAsync("logout", () => LogoutScenario.RunAsync(this, NewTenant("Dee"), "logout"));

    /// <summary>
    /// Two users (the second seeded one and one of the run's own) using the app at the same time, and nobody
    /// else: what each sees must come from the two of them alone, so it runs with no other scenario beside it.
    /// </summary>
    public Task<TwoUsersEvidence> TwoUsersAsync() =>
        ScenarioAsync("two-users", () => TwoUsersScenario.RunAsync(this, Fake.State.Tenants[1], NewTenant("Cy"), "two-users"), exclusive: true);

    /// <summary>The app opened by a browser that refuses bad certificates.</summary>
    public Task<TlsEvidence> TlsAsync() => ScenarioAsync("tls", () => TlsScenario.RunAsync(this, "tls"));

    /// <summary>A launch on an input BaseSpace fails to list.</summary>
    public Task<ApiFailureEvidence> ApiFailureAsync() =>
        ScenarioAsync("api-failure", () => ApiFailureScenario.RunAsync(this, NewTenant("Eve"), "api-failure"));

    /// <summary>
    /// Starts every scenario now, for a full run: they overlap, and each check then finds its evidence
    /// ready or nearly so. Each scenario still runs once; failures surface in the checks that await them.
    /// </summary>
    public void StartAllScenarios()
    {
        _ = LaunchAsync();
        _ = TwoUsersAsync();
        _ = ApiFailureAsync();
        _ = LogoutAsync();
        _ = DirectVisitAsync();
        _ = TlsAsync();
    }

    private async Task<T> ScenarioAsync<T>(string name, Func<Task<T>> run, bool exclusive = false) where T : class
    {
        var slots = exclusive ? ScenarioSlots : 1;
        var lazy = _scenarios.GetOrAdd(name, _ => new Lazy<Task<object>>(async () =>
        {
            var taken = 0;
            try
            {
                for (; taken < slots; taken++) await _scenarioSlots.WaitAsync(Stopping);
                _progress.Report($"Scenario {name}");
                var clock = Stopwatch.StartNew();
                var result = await run();
                Timings.AddScenario(name, clock.Elapsed);
                if (result is LaunchEvidence launch && launch.AppTime is { } appTime) Timings.AppTime ??= appTime;
                return result;
            }
            finally
            {
                if (taken > 0) _scenarioSlots.Release(taken);
            }
        }));
        return (T)await lazy.Value;
    }

    private void StopApp()
    {
        if (AppProcess is null) return;
        AppProcess.Dispose();
        // The report gets the app's output with every secret masked; the raw log goes with the TLS folder.
        var raw = AppProcess.LogPath;
        if (File.Exists(raw)) Store.WriteText("app/app.log", File.ReadAllText(raw));
    }

    /// <summary>The user interrupted the run (Ctrl-C): stop waiting; disposing still stops everything.</summary>
    public void Interrupt() => _stopping.Cancel();

    public async ValueTask DisposeAsync()
    {
        while (_owned.TryPop(out var part))
        {
            try
            {
                await part.DisposeAsync();
            }
            catch (Exception e)
            {
                _progress.Report($"while stopping: {e.Message}");
            }
        }
    }

    private sealed class DisposeAction(Action action) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            action();
            return ValueTask.CompletedTask;
        }
    }
}
