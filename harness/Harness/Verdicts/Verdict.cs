namespace ConformanceHarness.Verdicts;

public enum VerdictStatus { Pass, Fail, Warn, Manual, NotApplicable, Error }

public static class VerdictStatusNames
{
    /// <summary>The contract's spelling: pass, fail, warn, manual, not-applicable, error.</summary>
    public static string Name(this VerdictStatus status) => status switch
    {
        VerdictStatus.NotApplicable => "not-applicable",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The worst status wins: error, fail, warn, pass, manual, not-applicable.</summary>
    public static VerdictStatus Worst(IEnumerable<VerdictStatus> statuses)
    {
        var all = statuses.ToList();
        foreach (var status in new[] { VerdictStatus.Error, VerdictStatus.Fail, VerdictStatus.Warn, VerdictStatus.Pass, VerdictStatus.Manual })
            if (all.Contains(status)) return status;
        return VerdictStatus.NotApplicable;
    }
}

/// <summary>The judgement of one check: a status, a message a developer can act on, the evidence used.</summary>
public sealed record CheckVerdict(
    string Id,
    string Title,
    string Item,
    VerdictStatus Status,
    string Message,
    string? Hint,
    IReadOnlyList<string> Evidence,
    DateTimeOffset Started,
    TimeSpan Duration);

/// <summary>A checklist item and the verdicts of its checks.</summary>
public sealed record ItemVerdict(ChecklistItem Item, VerdictStatus Status, IReadOnlyList<CheckVerdict> Checks);

/// <summary>Collects check verdicts as the suites run; thread-safe.</summary>
public sealed class VerdictBook
{
    private readonly List<CheckVerdict> _verdicts = [];

    public void Record(CheckVerdict verdict)
    {
        lock (_verdicts) _verdicts.Add(verdict);
    }

    public IReadOnlyList<CheckVerdict> Verdicts()
    {
        lock (_verdicts) return _verdicts.ToList();
    }

    /// <summary>
    /// Verdicts grouped by checklist item, in checklist order. Items that no machine can judge are listed
    /// as manual when <paramref name="includeManualItems"/> (a full run, not one narrowed by --only).
    /// </summary>
    public IReadOnlyList<ItemVerdict> ByItem(bool includeManualItems)
    {
        var verdicts = Verdicts();
        return Checklist.Items
            .Select(item => (item, checks: verdicts.Where(v => v.Item == item.Id).OrderBy(v => v.Id, StringComparer.Ordinal).ToList()))
            .Where(x => x.checks.Count > 0 || (includeManualItems && x.item.ManualGuidance is not null))
            .Select(x => new ItemVerdict(x.item,
                x.checks.Count > 0 ? VerdictStatusNames.Worst(x.checks.Select(c => c.Status)) : VerdictStatus.Manual,
                x.checks))
            .ToList();
    }
}
