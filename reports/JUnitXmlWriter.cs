using System.Globalization;
using System.Text;
using System.Xml.Linq;
using ConformanceHarness.Verdicts;

namespace ConformanceHarness.Reports;

/// <summary>
/// Writes OUT/junit.xml for CI systems: a test suite per checklist item, a test case per check. A failed
/// check is a failure, a check the harness could not judge an error, manual and not-applicable are skipped.
/// </summary>
public static class JUnitXmlWriter
{
    public const string FileName = "junit.xml";

    public static string Write(CertificationReport report, string outDirectory)
    {
        var suites = report.Items.Select(Suite).ToList();
        var root = new XElement("testsuites",
            new XAttribute("name", $"conform certify {report.AppName} {report.AppVersion}".TrimEnd()),
            Counts(report.Items.SelectMany(Cases)),
            new XAttribute("time", Seconds(report.Finished - report.Started)),
            suites);
        if (report.HarnessError is not null)
            root.AddFirst(new XElement("testsuite", new XAttribute("name", "harness"), new XAttribute("tests", 1), new XAttribute("errors", 1),
                new XAttribute("failures", 0), new XAttribute("skipped", 0),
                new XElement("testcase", new XAttribute("classname", "conform"), new XAttribute("name", "harness start"),
                    new XElement("error", new XAttribute("message", report.HarnessError), report.HarnessError))));
        Directory.CreateDirectory(outDirectory);
        var path = Path.Combine(outDirectory, FileName);
        // No byte-order mark: some CI parsers choke on one.
        using (var writer = System.Xml.XmlWriter.Create(path, new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            new XDocument(root).Save(writer);
        return path;
    }

    private static XElement Suite(ItemVerdict item)
    {
        var cases = Cases(item).ToList();
        return new XElement("testsuite",
            new XAttribute("name", $"{item.Item.Id} {item.Item.Title}"),
            Counts(cases),
            new XAttribute("time", Seconds(TimeSpan.FromTicks(item.Checks.Sum(c => c.Duration.Ticks)))),
            cases.Select(c => c.Element));
    }

    /// <summary>An item without checks is one skipped case carrying what a reviewer should look at.</summary>
    private static IEnumerable<(VerdictStatus Status, XElement Element)> Cases(ItemVerdict item) =>
        item.Checks.Count == 0
            ? [(item.Status, Case(item.Item.Id, $"{item.Item.Id}.reviewer", TimeSpan.Zero, item.Status, item.Item.ManualGuidance, null, []))]
            : item.Checks.Select(c => (c.Status, Case(item.Item.Id, c.Id, c.Duration, c.Status, c.Message, c.Hint, c.Evidence)));

    private static XElement Case(string item, string name, TimeSpan time, VerdictStatus status, string message, string? hint,
        IReadOnlyList<string> evidence)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", $"conform.{item}"), new XAttribute("name", name), new XAttribute("time", Seconds(time)));
        var detail = hint is null ? message : $"{message}\nFix: {hint}";
        switch (status)
        {
            case VerdictStatus.Fail:
                element.Add(new XElement("failure", new XAttribute("message", message), detail));
                break;
            case VerdictStatus.Error:
                element.Add(new XElement("error", new XAttribute("message", message), detail));
                break;
            case VerdictStatus.Manual or VerdictStatus.NotApplicable:
                element.Add(new XElement("skipped", new XAttribute("message", $"{status.Name()}: {message}")));
                break;
        }
        var output = string.Join('\n', new[] { $"{status.Name()}: {message}" }.Concat(evidence.Select(e => "evidence: " + e)));
        element.Add(new XElement("system-out", output));
        return element;
    }

    private static IEnumerable<XAttribute> Counts(IEnumerable<(VerdictStatus Status, XElement Element)> cases)
    {
        var statuses = cases.Select(c => c.Status).ToList();
        return
        [
            new XAttribute("tests", statuses.Count),
            new XAttribute("failures", statuses.Count(s => s == VerdictStatus.Fail)),
            new XAttribute("errors", statuses.Count(s => s == VerdictStatus.Error)),
            new XAttribute("skipped", statuses.Count(s => s is VerdictStatus.Manual or VerdictStatus.NotApplicable)),
        ];
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
