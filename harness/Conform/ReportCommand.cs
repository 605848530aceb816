using System.ComponentModel;
using System.Text.Json;
using ConformanceHarness.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ConformanceHarness.Cli;

/// <summary>
/// `conform report OUT [--against PREVIOUS]`: shows a finished report and, against an earlier one (last
/// night's), which checks changed status. Exit code 1 when a check regressed, so a nightly job can fail on it.
/// </summary>
public sealed class ReportCommand : Command<ReportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<OUT>")]
        [Description("A report folder written by `conform certify --out` (it holds verdict.json).")]
        public string Out { get; init; } = "";

        [CommandOption("--against <PREVIOUS>")]
        [Description("An earlier report folder: list the checks whose status changed, and write OUT/changes.md.")]
        public string? Against { get; init; }

        public override ValidationResult Validate() =>
            !File.Exists(VerdictOf(Out)) ? ValidationResult.Error($"{Out} holds no {VerdictJsonWriter.FileName}")
            : Against is not null && !File.Exists(VerdictOf(Against)) ? ValidationResult.Error($"--against {Against} holds no {VerdictJsonWriter.FileName}")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        using (var verdict = JsonDocument.Parse(File.ReadAllText(VerdictOf(settings.Out))))
        {
            var root = verdict.RootElement;
            console.MarkupLineInterpolated($"{root.GetProperty("app").GetProperty("name").GetString()} {root.GetProperty("app").GetProperty("version").GetString()}: [bold]{root.GetProperty("status").GetString()}[/] (run {root.GetProperty("started").GetString()})");
            console.WriteLine(File.ReadAllText(Path.Combine(settings.Out, SummaryMarkdownWriter.FileName)).Split("\n## ")[0].TrimEnd());
        }
        if (settings.Against is null) return 0;

        var comparison = RunComparison.Between(VerdictOf(settings.Against), VerdictOf(settings.Out));
        var markdown = comparison.ToMarkdown(settings.Against);
        File.WriteAllText(Path.Combine(settings.Out, RunComparison.FileName), markdown);
        console.WriteLine();
        console.WriteLine(markdown.TrimEnd());
        return comparison.Regressions.Any() ? 1 : 0;
    }

    private static string VerdictOf(string folder) => Path.Combine(folder, VerdictJsonWriter.FileName);
}
