using System.Text;
using System.Text.Json;

namespace ConformanceHarness.Reports;

/// <summary>A check whose status differs between two runs (null: absent from that run).</summary>
public sealed record StatusChange(string CheckId, string Title, string? Before, string? After)
{
    /// <summary>Worse than before: it passed (or was not there) and now fails or could not be judged.</summary>
    public bool IsRegression => After is "fail" or "error" && Before is not ("fail" or "error");

    public bool IsFix => Before is "fail" or "error" && After is "pass" or "warn";
}

/// <summary>
/// What changed between two reports (verdict.json files): the nightly question "what broke since last
/// night, and what got fixed".
/// </summary>
public sealed class RunComparison
{
    public const string FileName = "changes.md";

    private RunComparison(IReadOnlyList<StatusChange> changes) => Changes = changes;

    public IReadOnlyList<StatusChange> Changes { get; }
    public IEnumerable<StatusChange> Regressions => Changes.Where(c => c.IsRegression);
    public IEnumerable<StatusChange> Fixes => Changes.Where(c => c.IsFix);

    public static RunComparison Between(string previousVerdictJson, string currentVerdictJson)
    {
        var before = Checks(previousVerdictJson);
        var after = Checks(currentVerdictJson);
        var changes = before.Keys.Union(after.Keys)
            .Order(StringComparer.Ordinal)
            .Select(id => (id, b: before.GetValueOrDefault(id), a: after.GetValueOrDefault(id)))
            .Where(x => x.b.Status != x.a.Status)
            .Select(x => new StatusChange(x.id, x.a.Title ?? x.b.Title ?? "", x.b.Status, x.a.Status))
            .ToList();
        return new RunComparison(changes);
    }

    public string ToMarkdown(string previousLabel)
    {
        var md = new StringBuilder($"# Changes since {previousLabel}\n\n");
        if (Changes.Count == 0) return md.Append("No check changed status.\n").ToString();
        md.Append($"{Regressions.Count()} regression(s), {Fixes.Count()} fix(es), {Changes.Count} change(s) in all.\n\n");
        md.Append("| Check | Before | Now | |\n|---|---|---|---|\n");
        foreach (var change in Changes)
            md.Append($"| {change.CheckId} {change.Title} | {change.Before ?? "(absent)"} | {change.After ?? "(absent)"} | " +
                      $"{(change.IsRegression ? "**regression**" : change.IsFix ? "fixed" : "")} |\n");
        return md.ToString();
    }

    /// <summary>Check id → (status, title); items a reviewer judges count as checks "ITEM.reviewer".</summary>
    private static Dictionary<string, (string? Status, string? Title)> Checks(string verdictPath)
    {
        using var verdict = JsonDocument.Parse(File.ReadAllText(verdictPath));
        var checks = new Dictionary<string, (string?, string?)>();
        foreach (var item in verdict.RootElement.GetProperty("items").EnumerateArray())
        {
            var itemChecks = item.GetProperty("checks").EnumerateArray().ToList();
            if (itemChecks.Count == 0)
                checks[$"{item.GetProperty("id").GetString()}.reviewer"] = (item.GetProperty("status").GetString(), item.GetProperty("title").GetString());
            foreach (var check in itemChecks)
                checks[check.GetProperty("id").GetString()!] = (check.GetProperty("status").GetString(), check.GetProperty("title").GetString());
        }
        return checks;
    }
}
