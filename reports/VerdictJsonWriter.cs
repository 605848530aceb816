using System.Text.Json;
using System.Text.Json.Nodes;
using ConformanceHarness.Verdicts;

namespace ConformanceHarness.Reports;

/// <summary>Writes OUT/verdict.json exactly as ARCHITECTURE.md's contract lays it out (plus a hint per check).</summary>
public static class VerdictJsonWriter
{
    public const string FileName = "verdict.json";

    public static string Write(CertificationReport report, string outDirectory)
    {
        var json = new JsonObject
        {
            ["app"] = new JsonObject { ["name"] = report.AppName, ["version"] = report.AppVersion, ["url"] = report.AppUrl },
            ["harness"] = new JsonObject { ["version"] = report.HarnessVersion },
            ["started"] = report.Started.ToString("O"),
            ["finished"] = report.Finished.ToString("O"),
            ["status"] = report.Status.Name(),
            ["items"] = new JsonArray(report.Items.Select(Item).ToArray<JsonNode?>()),
        };
        if (report.HarnessError is not null) json["error"] = report.HarnessError;
        var path = Path.Combine(outDirectory, FileName);
        Directory.CreateDirectory(outDirectory);
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private static JsonObject Item(ItemVerdict item)
    {
        var json = new JsonObject
        {
            ["id"] = item.Item.Id,
            ["title"] = item.Item.Title,
            ["status"] = item.Status.Name(),
            ["checks"] = new JsonArray(item.Checks.Select(Check).ToArray<JsonNode?>()),
        };
        if (item.Checks.Count == 0) json["message"] = item.Item.ManualGuidance;
        return json;
    }

    private static JsonObject Check(CheckVerdict check)
    {
        var json = new JsonObject
        {
            ["id"] = check.Id,
            ["title"] = check.Title,
            ["status"] = check.Status.Name(),
            ["message"] = check.Message,
            ["evidence"] = new JsonArray(check.Evidence.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray()),
        };
        if (check.Hint is not null) json["hint"] = check.Hint;
        return json;
    }
}
