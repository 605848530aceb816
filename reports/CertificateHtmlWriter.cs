using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using ConformanceHarness.Verdicts;

namespace ConformanceHarness.Reports;

/// <summary>
/// Writes OUT/certificate.html: the verdict as one self-contained page a reviewer can attach to a review,
/// every checklist item with its checks, findings, fixes and links to the evidence beside it.
/// </summary>
public static class CertificateHtmlWriter
{
    public const string FileName = "certificate.html";
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    private const string Style = """
        body { font-family: system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; }
        h1 { margin-bottom: .25rem; } .meta { color: #555; margin-top: 0; }
        .verdict { display: inline-block; padding: .3rem .8rem; border-radius: .3rem; font-weight: bold; color: #fff; }
        table { border-collapse: collapse; width: 100%; margin-top: 1.5rem; }
        th, td { border-bottom: 1px solid #ddd; padding: .45rem .5rem; text-align: left; vertical-align: top; }
        th { background: #f4f4f6; } td.status { white-space: nowrap; font-weight: bold; }
        .pass { color: #1a7f37; } .fail, .error { color: #cf222e; } .warn { color: #9a6700; } .manual, .not-applicable { color: #6e7781; }
        .bg-pass { background: #1a7f37; } .bg-fail, .bg-error { background: #cf222e; }
        .fix { color: #444; font-size: .92em; } .evidence a { margin-right: .6rem; font-size: .85em; }
        pre { background: #f6f8fa; padding: .8rem; overflow-x: auto; }
        """;

    public static string Write(CertificationReport report, string outDirectory)
    {
        var status = report.Status.Name();
        var page = new StringBuilder();
        page.Append($"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <title>{E($"Certification of {report.AppName} {report.AppVersion}")}</title>
            <style>{Style}</style></head><body>
            <h1>{E($"{report.AppName} {report.AppVersion}".TrimEnd())}</h1>
            <p class="meta">{E(report.AppUrl)} · certified {report.Started.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC by ConformanceHarness {E(report.HarnessVersion)} against the BaseSpace App Review technical checklist</p>
            <p><span class="verdict bg-{status}">{E(status.ToUpperInvariant())}</span></p>
            """);
        if (report.HarnessError is not null)
            page.Append($"<p>The harness could not judge the app:</p><pre>{E(report.HarnessError)}</pre>");
        page.Append("<table><tr><th>Item</th><th>Status</th><th>Check</th><th>Finding</th></tr>");
        foreach (var item in report.Items)
        {
            var rows = item.Checks.Count == 0 ? 1 : item.Checks.Count;
            var itemCell = $"""<td rowspan="{rows}"><b>{E(item.Item.Id)}</b> {E(item.Item.Title)}<br><span class="status {item.Status.Name()}">{item.Status.Name()}</span></td>""";
            if (item.Checks.Count == 0)
            {
                page.Append($"""<tr>{itemCell}<td class="status manual">reviewer</td><td></td><td>{E(item.Item.ManualGuidance)}</td></tr>""");
                continue;
            }
            foreach (var (check, i) in item.Checks.Select((c, i) => (c, i)))
                page.Append($"<tr>{(i == 0 ? itemCell : "")}{CheckCells(check)}</tr>");
        }
        page.Append("</table><p class=\"meta\">Secrets are masked as [masked sha256:…]; the evidence files sit beside this page.</p></body></html>\n");
        Directory.CreateDirectory(outDirectory);
        var path = Path.Combine(outDirectory, FileName);
        File.WriteAllText(path, page.ToString());
        return path;
    }

    private static string CheckCells(CheckVerdict check)
    {
        var fix = check.Hint is null || check.Status == VerdictStatus.Pass ? "" : $"""<div class="fix">Fix: {E(check.Hint)}</div>""";
        var evidence = check.Evidence.Count == 0 ? ""
            : $"""<div class="evidence">{string.Concat(check.Evidence.Select(e => $"""<a href="{E(e)}">{E(e)}</a>"""))}</div>""";
        return $"""<td class="status {check.Status.Name()}">{check.Status.Name()}</td><td>{E(check.Id)}<br><small>{E(check.Title)}</small></td><td>{E(check.Message)}{fix}{evidence}</td>""";
    }

    private static string E(string text) => Html.Encode(text);
}
