using ConformanceHarness.Verdicts;

namespace ConformanceHarness.Reports;

/// <summary>Everything a run concluded, in the form the report writers need.</summary>
public sealed record CertificationReport(
    string AppName,
    string AppVersion,
    string AppUrl,
    string HarnessVersion,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    IReadOnlyList<ItemVerdict> Items,
    string? HarnessError,
    RunTimings? Timings,
    string? Browser)
{
    /// <summary>error when the harness could not judge, fail when any item failed, else pass (warn allowed).</summary>
    public VerdictStatus Status =>
        HarnessError is not null || Items.Any(i => i.Status == VerdictStatus.Error) ? VerdictStatus.Error
        : Items.Any(i => i.Status == VerdictStatus.Fail) ? VerdictStatus.Fail
        : VerdictStatus.Pass;

    /// <summary>The contract's exit code: 0 all pass (warn allowed), 1 any fail, 2 the harness could not judge.</summary>
    public int ExitCode => Status switch { VerdictStatus.Pass => 0, VerdictStatus.Fail => 1, _ => 2 };

    public IEnumerable<CheckVerdict> Checks => Items.SelectMany(i => i.Checks);

    /// <summary>Time the checks spent judging, less the scenarios they waited for.</summary>
    public TimeSpan Judging =>
        TimeSpan.FromTicks(Math.Max(0, Checks.Sum(c => c.Duration.Ticks) - (Timings?.Scenarios.Values.Sum(s => s.Ticks) ?? 0)));
}
