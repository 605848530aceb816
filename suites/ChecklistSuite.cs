using System.Diagnostics;
using System.Reflection;
using ConformanceHarness.Verdicts;
using NUnit.Framework;

namespace ConformanceHarness.Suites;

/// <summary>
/// Base of every suite: a check judges evidence and ends in <see cref="Pass"/> or <see cref="Fail"/>, which
/// record its verdict (for the report) and set the NUnit outcome (for IDEs and CI). A check that throws
/// instead is recorded as an error: the harness could not judge it.
/// </summary>
public abstract class ChecklistSuite
{
    private Stopwatch _clock = new();
    private DateTimeOffset _started;
    private bool _recorded;

    protected static CertificationSession Session => CertificationRun.Session;

    [SetUp]
    public void StartClock()
    {
        _started = DateTimeOffset.UtcNow;
        _clock = Stopwatch.StartNew();
        _recorded = false;
    }

    [TearDown]
    public void RecordErrors()
    {
        if (_recorded) return;
        var result = TestContext.CurrentContext.Result;
        Record(VerdictStatus.Error, $"The harness could not judge this check: {result.Message}", null, []);
    }

    protected void Pass(string message, IEnumerable<string> evidence) =>
        Record(VerdictStatus.Pass, message, null, evidence);

    protected void Fail(string message, string hint, IEnumerable<string> evidence)
    {
        var verdict = Record(VerdictStatus.Fail, message, hint, evidence);
        Assert.Fail($"{verdict.Message}\nFix: {verdict.Hint}");
    }

    /// <summary>Not a failure, but something a reviewer should look at; the run still passes.</summary>
    protected void Warn(string message, string hint, IEnumerable<string> evidence)
    {
        var verdict = Record(VerdictStatus.Warn, message, hint, evidence);
        Assert.Warn($"{verdict.Message}\nHint: {verdict.Hint}");
    }

    /// <summary>The check does not apply to what this app did (e.g. properties of AppResults it never wrote).</summary>
    protected void NotApplicable(string message, IEnumerable<string> evidence)
    {
        var verdict = Record(VerdictStatus.NotApplicable, message, null, evidence);
        Assert.Ignore(verdict.Message);
    }

    protected void PassIf(bool passed, string pass, string fail, string hint, IEnumerable<string> evidence)
    {
        if (passed) Pass(pass, evidence);
        else Fail(fail, hint, evidence);
    }

    /// <summary>Records the verdict with every secret masked: messages quote URLs and pages, which may hold the token.</summary>
    private CheckVerdict Record(VerdictStatus status, string message, string? hint, IEnumerable<string> evidence)
    {
        _recorded = true;
        var check = CurrentCheck();
        var verdict = new CheckVerdict(check.Id, check.Title, check.Item, status, CertificationRun.Mask(message),
            hint is null ? null : CertificationRun.Mask(hint), evidence.Distinct().ToList(), _started, _clock.Elapsed);
        CertificationRun.Book.Record(verdict);
        return verdict;
    }

    private CheckAttribute CurrentCheck()
    {
        var name = TestContext.CurrentContext.Test.MethodName
            ?? throw new InvalidOperationException("a check must be a test method");
        return GetType().GetMethod(name)?.GetCustomAttribute<CheckAttribute>()
            ?? throw new InvalidOperationException($"{GetType().Name}.{name} lacks [Check(id, title)]");
    }
}
