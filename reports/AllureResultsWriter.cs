using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConformanceHarness.Verdicts;

namespace ConformanceHarness.Reports;

/// <summary>
/// Writes OUT/allure-results/: one Allure result file per check (and per item a reviewer judges), with the
/// check's evidence as attachments, for `npx allure generate`. Allure's NUnit adapter is not available
/// here, and the format is small: https://allurereport.org/docs/how-it-works-test-result-file/.
/// </summary>
public static class AllureResultsWriter
{
    public const string FolderName = "allure-results";
    private const long LargestAttachment = 5 * 1024 * 1024;

    public static string Write(CertificationReport report, string outDirectory)
    {
        var folder = Path.Combine(outDirectory, FolderName);
        Directory.CreateDirectory(folder);
        var copied = new Dictionary<string, string>(); // evidence file → its attachment: several checks share a file
        foreach (var item in report.Items)
        {
            if (item.Checks.Count == 0)
                WriteResult(folder, report, item, $"{item.Item.Id}.reviewer", item.Status, item.Item.ManualGuidance, null, [], report.Finished, TimeSpan.Zero);
            foreach (var check in item.Checks)
                WriteResult(folder, report, item, check.Id, check.Status, check.Message, check.Hint,
                    Attach(folder, outDirectory, check.Evidence, copied), check.Started, check.Duration);
        }
        File.WriteAllText(Path.Combine(folder, "environment.properties"),
            $"app={report.AppName}\napp.version={report.AppVersion}\napp.url={report.AppUrl}\nharness.version={report.HarnessVersion}\n");
        return folder;
    }

    private static void WriteResult(string folder, CertificationReport report, ItemVerdict item, string name, VerdictStatus status,
        string message, string? hint, JsonArray attachments, DateTimeOffset started, TimeSpan duration)
    {
        var uuid = Guid.NewGuid().ToString();
        var result = new JsonObject
        {
            ["uuid"] = uuid,
            // Stable across runs, so Allure can show each check's history night after night.
            ["historyId"] = Hash($"{report.AppName}/{name}"),
            ["testCaseId"] = Hash(name),
            ["name"] = name,
            ["fullName"] = $"conform.{item.Item.Id}.{name}",
            ["status"] = AllureStatus(status),
            ["statusDetails"] = new JsonObject { ["message"] = hint is null ? message : $"{message}\nFix: {hint}" },
            ["stage"] = "finished",
            ["start"] = started.ToUnixTimeMilliseconds(),
            ["stop"] = (started + duration).ToUnixTimeMilliseconds(),
            ["labels"] = new JsonArray(
                Label("parentSuite", $"{report.AppName} {report.AppVersion}".TrimEnd()),
                Label("suite", $"{item.Item.Id} {item.Item.Title}"),
                Label("feature", item.Item.Id),
                Label("framework", "conform"),
                Label("tag", status.Name())),
            ["attachments"] = attachments,
        };
        File.WriteAllText(Path.Combine(folder, $"{uuid}-result.json"), result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Copies the evidence files into the results folder, where Allure looks for attachments.</summary>
    private static JsonArray Attach(string folder, string outDirectory, IEnumerable<string> evidence, Dictionary<string, string> copied)
    {
        var attachments = new JsonArray();
        foreach (var relative in evidence)
        {
            var source = Path.Combine(outDirectory, relative);
            if (!File.Exists(source) || new FileInfo(source).Length > LargestAttachment) continue;
            if (!copied.TryGetValue(relative, out var target))
            {
                copied[relative] = target = $"{Guid.NewGuid()}-attachment{Path.GetExtension(source)}";
                File.Copy(source, Path.Combine(folder, target));
            }
            attachments.Add(new JsonObject { ["name"] = relative, ["source"] = target, ["type"] = MediaType(source) });
        }
        return attachments;
    }

    /// <summary>Allure has no warn, manual or not-applicable: a warning passes (tagged warn), the others are skipped.</summary>
    private static string AllureStatus(VerdictStatus status) => status switch
    {
        VerdictStatus.Pass or VerdictStatus.Warn => "passed",
        VerdictStatus.Fail => "failed",
        VerdictStatus.Error => "broken",
        _ => "skipped",
    };

    private static string MediaType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => "application/json",
        ".png" => "image/png",
        ".zip" => "application/zip",
        ".md" => "text/markdown",
        _ => "text/plain",
    };

    private static JsonObject Label(string name, string value) => new() { ["name"] = name, ["value"] = value };

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
