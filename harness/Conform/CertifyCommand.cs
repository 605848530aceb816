using System.ComponentModel;
using System.Text.Json;
using ConformanceHarness.Evidence;
using ConformanceHarness.Profiles;
using ConformanceHarness.Reports;
using ConformanceHarness.Suites;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ConformanceHarness.Cli;

/// <summary>`conform certify`: one run of every suite against one app, a verdict and a report.</summary>
public sealed class CertifyCommand : Command<CertifyCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-p|--profile <FILE>")]
        [Description("The app's profile (YAML or JSON). Default: the bundled reference app, samples/ReferenceApp/app.yaml.")]
        public string? Profile { get; init; }

        [CommandOption("-o|--out <DIR>")]
        [Description("Where verdict.json, summary.md and the evidence go. Default: out/<app>-<time>.")]
        public string? Out { get; init; }

        [CommandOption("--only <IDS>")]
        [Description("Judge only these checklist items or checks, comma-separated: 8C,9B or 8C.token-not-in-urls.")]
        public string? Only { get; init; }

        [CommandOption("--browser <PATH>")]
        [Description("The Chromium to drive. Default: $CONFORM_BROWSER, Playwright's own Chromium, then the system's.")]
        public string? Browser { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        AppProfile profile;
        string profilePath;
        try
        {
            profilePath = RepositoryLayout.ResolveProfile(settings.Profile);
            profile = ProfileLoader.Load(profilePath);
        }
        catch (Exception e) when (e is ProfileException or InvalidOperationException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 2;
        }

        var outDirectory = Path.GetFullPath(settings.Out ?? Path.Combine("out", $"{Slug(profile.App.Name)}-{DateTime.Now:yyyyMMdd-HHmmss}"));
        try
        {
            ReportFolder.Claim(outDirectory);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 2;
        }
        var only = (settings.Only ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var runner = new SuiteRunner(new Dictionary<string, string>
        {
            [CertificationRun.Parameters.Profile] = profilePath,
            [CertificationRun.Parameters.Out] = outDirectory,
            [CertificationRun.Parameters.Browser] = settings.Browser ?? "",
            [CertificationRun.Parameters.Only] = string.Join(',', only),
        });
        var unknown = only.Where(id => !IsKnown(id, runner.CheckIds())).ToList();
        if (unknown.Count > 0)
        {
            console.MarkupLineInterpolated($"[red]error:[/] --only names no checklist item or check: {string.Join(", ", unknown)} (items are 1A … 9F; checks look like 8C.token-not-in-urls)");
            return 2;
        }

        console.MarkupLineInterpolated($"Certifying [bold]{profile.App.Name}[/] {profile.App.Version} from {profilePath}");
        using var stop = StopOnCtrlC(runner, console);
        runner.Run(new ProgressListener(console), only);
        return Conclude(console, outDirectory);
    }

    private static bool IsKnown(string id, IReadOnlySet<string> checkIds) =>
        id.Contains('.') ? checkIds.Contains(id) : Verdicts.Checklist.Items.Any(i => i.Id.Equals(id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Prints the verdict from verdict.json (the contract, not memory) and returns its exit code.</summary>
    private static int Conclude(IAnsiConsole console, string outDirectory)
    {
        var verdictPath = Path.Combine(outDirectory, VerdictJsonWriter.FileName);
        if (!File.Exists(verdictPath))
        {
            console.MarkupLineInterpolated($"[red]error:[/] the run wrote no {verdictPath}");
            return 2;
        }
        using var verdict = JsonDocument.Parse(File.ReadAllText(verdictPath));
        var root = verdict.RootElement;
        if (root.TryGetProperty("error", out var error))
            console.MarkupLineInterpolated($"[red]The harness could not judge the app:[/] {error.GetString()}");
        var table = new Table().AddColumns("Item", "Status", "Title");
        foreach (var item in root.GetProperty("items").EnumerateArray())
        {
            var status = item.GetProperty("status").GetString()!;
            table.AddRow(Markup.Escape(item.GetProperty("id").GetString()!), $"[{Colour(status)}]{status}[/]", Markup.Escape(item.GetProperty("title").GetString()!));
        }
        console.Write(table);
        var runStatus = root.GetProperty("status").GetString()!;
        console.MarkupLineInterpolated($"Verdict: [bold {Colour(runStatus)}]{runStatus.ToUpperInvariant()}[/]  report: {Path.Combine(outDirectory, SummaryMarkdownWriter.FileName)}");
        return runStatus switch { "pass" => 0, "fail" => 1, _ => 2 };
    }

    private static string Colour(string status) => status switch
    {
        "pass" => "green",
        "fail" or "error" => "red",
        "warn" => "yellow",
        _ => "grey",
    };

    private static IDisposable StopOnCtrlC(SuiteRunner runner, IAnsiConsole console)
    {
        var stopping = false;
        ConsoleCancelEventHandler handler = (_, e) =>
        {
            // First Ctrl-C: cut the run short, stop the app and the browser, and still write the report.
            // A second one ends the process at once (the app's process tree is still killed on exit).
            if (stopping) return;
            stopping = true;
            e.Cancel = true;
            console.MarkupLine("[yellow]Interrupted: stopping the app and the browser, then writing the report… (Ctrl-C again to quit at once)[/]");
            runner.Stop();
        };
        Console.CancelKeyPress += handler;
        return new Unsubscribe(() => Console.CancelKeyPress -= handler);
    }

    private static string Slug(string name) =>
        new string(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
