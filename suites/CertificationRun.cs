using ConformanceHarness.Evidence;
using ConformanceHarness.Reports;
using ConformanceHarness.Verdicts;
using NUnit.Framework;

namespace ConformanceHarness.Suites;

/// <summary>
/// The run every suite judges: started once before the first check (fake, app, browser), stopped and
/// reported after the last. The same whether `conform certify` or `dotnet test` runs the suites; the
/// run parameters (runsettings.xml or the command line) say which profile and where the report goes.
/// </summary>
[SetUpFixture]
public sealed class CertificationRun
{
    /// <summary>Run parameters, as in runsettings.xml.</summary>
    public static class Parameters
    {
        public const string Profile = "profile";
        public const string Out = "out";
        public const string Browser = "browser";
        /// <summary>Set by `certify --only`: the run is narrowed, so unjudged items are left out of the report.</summary>
        public const string Only = "only";
    }

    private static CertificationSession? _session;
    private static string? _startError;
    private static DateTimeOffset _started;
    private static RunSettings? _settings;
    private static volatile bool _interrupted;

    public static VerdictBook Book { get; } = new();

    /// <summary>The running session; a check reaching it after a failed start reports the start's error.</summary>
    public static CertificationSession Session =>
        _session ?? throw new InvalidOperationException($"the harness could not start: {_startError}");

    /// <summary>Ctrl-C: the running scenario stops waiting; the remaining checks are not run; the report says so.</summary>
    public static void Interrupt()
    {
        _interrupted = true;
        _session?.Interrupt();
    }

    /// <summary>Masks the fake's secrets in text bound for a report (nothing to mask before the fake started).</summary>
    public static string Mask(string text) => _session?.Mask(text) ?? text;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _started = DateTimeOffset.UtcNow;
        var parameters = TestContext.Parameters;
        try
        {
            var settings = new RunSettings(
                RepositoryLayout.ResolveProfile(parameters.Get(Parameters.Profile)),
                RepositoryLayout.ResolveOut(parameters.Get(Parameters.Out)),
                parameters.Get(Parameters.Browser),
                RunSettings.DefaultStateDirectory());
            ReportFolder.Claim(settings.OutDirectory);
            _settings = settings; // from here on, the report is written even if the start fails
            var progress = new ProgressLog(line => TestContext.Progress.WriteLine($"[conform] {line}"));
            _session = await CertificationSession.StartAsync(_settings, progress, CancellationToken.None);
            // A full run needs every scenario: start them together. A narrowed one (--only) runs what its checks ask for.
            if (string.IsNullOrEmpty(parameters.Get(Parameters.Only))) _session.StartAllScenarios();
        }
        catch (Exception e)
        {
            _startError = e.Message;
            throw;
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
        if (_settings is null) return;
        var profile = _session?.Profile;
        var report = new CertificationReport(
            profile?.App.Name ?? Path.GetFileName(_settings.ProfilePath),
            profile?.App.Version ?? "",
            _session?.AppUrl.ToString() ?? profile?.App.Url?.ToString() ?? "",
            typeof(CertificationSession).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            _started,
            DateTimeOffset.UtcNow,
            Book.ByItem(includeManualItems: string.IsNullOrEmpty(TestContext.Parameters.Get(Parameters.Only))),
            _startError ?? (_interrupted ? "interrupted (Ctrl-C) before every check was judged" : null),
            _session?.Timings,
            _session is null ? null : $"{_session.Browser.ExecutablePath} ({_session.Browser.Source})");
        VerdictJsonWriter.Write(report, _settings.OutDirectory);
        SummaryMarkdownWriter.Write(report, _settings.OutDirectory);
        CertificateHtmlWriter.Write(report, _settings.OutDirectory);
        JUnitXmlWriter.Write(report, _settings.OutDirectory);
        AllureResultsWriter.Write(report, _settings.OutDirectory);
        TestContext.Progress.WriteLine($"[conform] verdict: {report.Status.Name()} — {Path.Combine(_settings.OutDirectory, SummaryMarkdownWriter.FileName)}");
    }
}
