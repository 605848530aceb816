using System.Text.Json;
using System.Xml.Linq;
using ConformanceHarness.Reports;
using ConformanceHarness.Verdicts;
using NUnit.Framework;

namespace ConformanceHarness.Tests;

/// <summary>The CI formats: JUnit XML and Allure results say what verdict.json says.</summary>
[TestFixture]
public sealed class ReportWriterTests
{
    private string _out = "";

    [SetUp]
    public void CreateFolder()
    {
        _out = Directory.CreateTempSubdirectory("conform-reports-").FullName;
        Directory.CreateDirectory(Path.Combine(_out, "launch"));
        File.WriteAllText(Path.Combine(_out, "launch", "requests.json"), "[]");
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_out, recursive: true);

    private CertificationReport Report(VerdictStatus eightCb = VerdictStatus.Fail)
    {
        var started = DateTimeOffset.UtcNow;
        CheckVerdict Check(string id, VerdictStatus status) =>
            new(id, $"title of {id}", id.Split('.')[0], status, $"message of {id}", status == VerdictStatus.Fail ? "do this" : null,
                ["launch/requests.json"], started, TimeSpan.FromMilliseconds(20));
        ItemVerdict Item(string id, params CheckVerdict[] checks) =>
            new(Checklist.Find(id), checks.Length == 0 ? VerdictStatus.Manual : VerdictStatusNames.Worst(checks.Select(c => c.Status)), checks);
        return new CertificationReport("App", "1.0", "https://127.0.0.1:1/", "0.1.0", started, started.AddSeconds(5),
        [
            Item("8C", Check("8C.a", VerdictStatus.Pass), Check("8C.b", eightCb)),
            Item("9B", Check("9B.a", VerdictStatus.Error), Check("9B.b", VerdictStatus.Warn)),
            Item("6A", Check("6A.a", VerdictStatus.NotApplicable)),
            Item("8B"),
        ], null, null, null);
    }

    [Test]
    public void JUnitCountsFailuresErrorsAndSkips()
    {
        var root = XDocument.Load(JUnitXmlWriter.Write(Report(), _out)).Root!;
        var cases = root.Descendants("testcase").ToList();
        Assert.Multiple(() =>
        {
            Assert.That((int)root.Attribute("tests")!, Is.EqualTo(6));
            Assert.That((int)root.Attribute("failures")!, Is.EqualTo(1));
            Assert.That((int)root.Attribute("errors")!, Is.EqualTo(1));
            Assert.That((int)root.Attribute("skipped")!, Is.EqualTo(2));
            Assert.That(cases.Single(c => (string)c.Attribute("name")! == "8C.b").Element("failure")!.Value, Does.Contain("do this"));
            Assert.That(cases.Single(c => (string)c.Attribute("name")! == "9B.a").Element("error"), Is.Not.Null);
            Assert.That(cases.Single(c => (string)c.Attribute("name")! == "8B.reviewer").Element("skipped"), Is.Not.Null);
            Assert.That(root.Elements("testsuite").Select(s => (string)s.Attribute("name")!), Does.Contain("8C Access token never exposed in UI, links or URLs"));
        });
    }

    [Test]
    public void CertificateShowsEveryItemAndEncodesWhatItQuotes()
    {
        var report = Report() with { AppName = "App <script>alert(1)</script>" };
        var html = File.ReadAllText(CertificateHtmlWriter.Write(report, _out));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<script>alert(1)</script>"), "what an app names itself must be encoded");
            Assert.That(html, Does.Contain("&lt;script&gt;"));
            Assert.That(html, Does.Contain("verdict bg-error"), "an error in any check makes the run an error");
            Assert.That(html, Does.Contain("Fix: do this"));
            Assert.That(html, Does.Contain("href=\"launch/requests.json\""));
            foreach (var id in new[] { "8C.a", "8C.b", "9B.a", "9B.b", "6A.a" })
                Assert.That(html, Does.Contain(id));
            Assert.That(html, Does.Contain("Review the app&#x27;s data flows"), "8B is left to a reviewer, with what to look at");
        });
    }

    [Test]
    public void AllureHasAResultPerCheckWithItsEvidenceAttached()
    {
        var folder = AllureResultsWriter.Write(Report(), _out);
        var results = Directory.GetFiles(folder, "*-result.json")
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r);
        var attachment = results["8C.b"].GetProperty("attachments")[0];
        Assert.Multiple(() =>
        {
            Assert.That(results.Keys, Is.EquivalentTo(new[] { "8C.a", "8C.b", "9B.a", "9B.b", "6A.a", "8B.reviewer" }));
            Assert.That(results.ToDictionary(r => r.Key, r => r.Value.GetProperty("status").GetString()), Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["8C.a"] = "passed", ["8C.b"] = "failed", ["9B.a"] = "broken", ["9B.b"] = "passed", ["6A.a"] = "skipped", ["8B.reviewer"] = "skipped",
            }));
            Assert.That(attachment.GetProperty("name").GetString(), Is.EqualTo("launch/requests.json"));
            Assert.That(File.Exists(Path.Combine(folder, attachment.GetProperty("source").GetString()!)), Is.True);
            Assert.That(results["8C.b"].GetProperty("historyId").GetString(), Is.EqualTo(JsonDocument.Parse(File.ReadAllText(
                Directory.GetFiles(AllureResultsWriter.Write(Report(), _out + "-again"), "*-result.json")
                    .First(f => File.ReadAllText(f).Contains("\"8C.b\"")))).RootElement.GetProperty("historyId").GetString()),
                "the same check keeps its history id from run to run");
        });
        Directory.Delete(_out + "-again", recursive: true);
    }

    [Test]
    public async Task ReportAgainstLastNightNamesRegressionsAndExitsOne()
    {
        var lastNight = Path.Combine(_out, "last-night");
        var tonight = Path.Combine(_out, "tonight");
        foreach (var (folder, report) in new[] { (lastNight, Report(eightCb: VerdictStatus.Pass)), (tonight, Report()) })
        {
            VerdictJsonWriter.Write(report, folder);
            SummaryMarkdownWriter.Write(report, folder);
        }

        var regressed = await ConformProcess.RunAsync(TimeSpan.FromMinutes(1), null, "report", tonight, "--against", lastNight);
        var fixedAgain = await ConformProcess.RunAsync(TimeSpan.FromMinutes(1), null, "report", lastNight, "--against", tonight);

        Assert.Multiple(() =>
        {
            Assert.That(regressed.ExitCode, Is.EqualTo(1), regressed.Output);
            Assert.That(File.ReadAllText(Path.Combine(tonight, "changes.md")), Does.Contain("| 8C.b title of 8C.b | pass | fail | **regression** |"));
            Assert.That(fixedAgain.ExitCode, Is.EqualTo(0), fixedAgain.Output);
            Assert.That(File.ReadAllText(Path.Combine(lastNight, "changes.md")), Does.Contain("| fail | pass | fixed |"));
        });
    }
}
