using System.Globalization;
using System.Text;
using ConformanceHarness.Verdicts;

namespace ConformanceHarness.Reports;

/// <summary>Writes OUT/summary.md: the verdict as a table a person reads, and where the time went.</summary>
public static class SummaryMarkdownWriter
{
    public const string FileName = "summary.md";

    public static string Write(CertificationReport report, string outDirectory)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Certification of {report.AppName} {report.AppVersion}".TrimEnd());
        md.AppendLine();
        md.AppendLine($"**Verdict: {report.Status.Name().ToUpperInvariant()}** · {report.AppUrl} · harness {report.HarnessVersion} · {report.Started:yyyy-MM-dd HH:mm:ss} UTC");
        if (report.Browser is not null) md.AppendLine().AppendLine($"Browser: {report.Browser}.");
        md.AppendLine();
        if (report.HarnessError is not null)
        {
            md.AppendLine("The harness could not judge the app:");
            md.AppendLine();
            md.AppendLine("```");
            md.AppendLine(report.HarnessError);
            md.AppendLine("```");
            md.AppendLine();
        }
        md.AppendLine("| Item | Status | Check | Status | Finding |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var item in report.Items)
        {
            if (item.Checks.Count == 0)
            {
                md.AppendLine($"| {item.Item.Id} {Cell(item.Item.Title)} | {item.Status.Name()} | (reviewer) | | {Cell(item.Item.ManualGuidance)} |");
                continue;
            }
            foreach (var check in item.Checks)
            {
                var finding = check.Status == VerdictStatus.Pass || check.Hint is null ? check.Message : $"{check.Message} Fix: {check.Hint}";
                md.AppendLine($"| {item.Item.Id} {Cell(item.Item.Title)} | {item.Status.Name()} | {check.Id} | {check.Status.Name()} | {Cell(finding)} |");
            }
        }
        md.AppendLine();
        AppendTimings(md, report);
        md.AppendLine();
        md.AppendLine("Evidence for each check is listed in verdict.json (paths relative to this folder). Secrets are masked as `[masked sha256:…]`.");
        var path = Path.Combine(outDirectory, FileName);
        Directory.CreateDirectory(outDirectory);
        File.WriteAllText(path, md.ToString());
        return path;
    }

    private static void AppendTimings(StringBuilder md, CertificationReport report)
    {
        var total = report.Finished - report.Started;
        md.AppendLine("## Where the time went");
        md.AppendLine();
        md.AppendLine("| Phase | Seconds |");
        md.AppendLine("|---|---|");
        var timings = report.Timings;
        if (timings is not null)
        {
            md.AppendLine($"| harness start (CA, fake BaseSpace, browser) | {Seconds(timings.HarnessStart)} |");
            md.AppendLine($"| app start, until ready (overlaps the browser start) | {Seconds(timings.AppStart)} |");
            foreach (var (name, took) in timings.Scenarios.OrderBy(s => s.Key, StringComparer.Ordinal))
                md.AppendLine($"| scenario {name} | {Seconds(took)} |");
            md.AppendLine($"| judging | {Seconds(report.Judging)} |");
            md.AppendLine($"| app's own time, launch to final AppSession status | {(timings.AppTime is { } app ? Seconds(app) : "never final")} |");
        }
        md.AppendLine($"| **total** | {Seconds(total)} |");
        if (timings is { Scenarios.Count: > 1 })
            md.AppendLine().AppendLine("Scenarios of a full run overlap, so their times add up to more than the total.");
        if (timings?.AppTime is { } appTime && total > TimeSpan.Zero)
        {
            var overhead = total - appTime;
            md.AppendLine();
            md.AppendLine($"Harness overhead: {Seconds(overhead)} s of {Seconds(total)} s ({overhead / total:P0}).");
        }
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
