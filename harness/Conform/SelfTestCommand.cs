using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using ConformanceHarness.SelfTest;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ConformanceHarness.Cli;

/// <summary>
/// `conform selftest`: proves the harness on this machine. Certifies the bundled reference app clean (every
/// check must pass) and once per flaw (exactly that flaw's checks must fail), each in a `conform certify`
/// process of its own.
/// </summary>
public sealed class SelfTestCommand : AsyncCommand<SelfTestCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-o|--out <DIR>")]
        [Description("Where each run's report goes (one folder per run). Default: out/selftest-<time>.")]
        public string? Out { get; init; }

        [CommandOption("--flaws <NAMES>")]
        [Description("Only these flaws, comma-separated (default: every flaw in samples/ReferenceApp/flaws.json).")]
        public string? Flaws { get; init; }

        [CommandOption("--parallel <N>")]
        [Description("How many certifications at once (default 2).")]
        public int Parallel { get; init; } = 2;

        public override ValidationResult Validate() =>
            Parallel is < 1 or > 8 ? ValidationResult.Error("--parallel takes 1 to 8") : ValidationResult.Success();
    }

    private sealed record Outcome(string Run, IReadOnlyList<string> Expected, IReadOnlyList<string> Failed, int ExitCode, string Report)
    {
        public bool AsExpected => ExitCode == (Expected.Count == 0 ? 0 : 1) && Expected.Order().SequenceEqual(Failed.Order());
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        var all = ReferenceAppFlaws.Load();
        var names = (settings.Flaws ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => all.All(f => f.Flaw != n)).ToList();
        if (unknown.Count > 0)
        {
            console.MarkupLineInterpolated($"[red]error:[/] unknown flaw(s) {string.Join(", ", unknown)}; known: {string.Join(", ", all.Select(f => f.Flaw))}");
            return 2;
        }
        var flaws = names.Length == 0 ? all : all.Where(f => names.Contains(f.Flaw)).ToList();
        var outRoot = Path.GetFullPath(settings.Out ?? Path.Combine("out", $"selftest-{DateTime.Now:yyyyMMdd-HHmmss}"));
        console.MarkupLineInterpolated($"Self-test: the reference app clean and with {flaws.Count} flaw(s), {settings.Parallel} at a time; reports in {outRoot}");

        var runs = new List<FlawExpectation?> { null }.Concat(flaws).ToList();
        using var gate = new SemaphoreSlim(settings.Parallel);
        var outcomes = await Task.WhenAll(runs.Select(async flaw =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var outcome = await CertifyAsync(flaw, outRoot, cancellationToken);
                console.MarkupLineInterpolated($"  [{(outcome.AsExpected ? "green" : "red")}]{(outcome.AsExpected ? "ok" : "WRONG"),-5}[/] {outcome.Run}");
                return outcome;
            }
            finally
            {
                gate.Release();
            }
        }));

        var table = new Table().AddColumns("run", "expected to fail", "failed", "");
        foreach (var o in outcomes)
            table.AddRow(Markup.Escape(o.Run), Markup.Escape(string.Join(", ", o.Expected)), Markup.Escape(string.Join(", ", o.Failed)),
                o.AsExpected ? "[green]ok[/]" : $"[red]WRONG[/] (exit {o.ExitCode}; {Markup.Escape(o.Report)})");
        console.Write(table);
        var wrong = outcomes.Count(o => !o.AsExpected);
        console.MarkupLine(wrong == 0
            ? "[green]Self-test passed:[/] the clean app passes every check, and every flaw fails exactly its checks."
            : $"[red]Self-test failed:[/] {wrong} run(s) not as expected.");
        return wrong == 0 ? 0 : 1;
    }

    /// <summary>One `conform certify` process for the clean app (flaw null) or one flaw.</summary>
    private static async Task<Outcome> CertifyAsync(FlawExpectation? flaw, string outRoot, CancellationToken cancel)
    {
        var name = flaw?.Flaw ?? "clean";
        var folder = Path.Combine(outRoot, name);
        var profile = ReferenceAppFlaws.WriteProfile(Path.Combine(folder, "profile"), ReferenceAppFlaws.CompleteSecondsFor(flaw),
            flaw is null ? [] : [flaw.Flaw]);
        var report = Path.Combine(folder, "report");
        var info = SelfInvocation("certify", "--profile", profile, "--out", report);
        using var process = Process.Start(info)!;
        // The child's output is in its report; reading it keeps the pipes from filling up.
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(cancel), process.StandardError.ReadToEndAsync(cancel));
        await process.WaitForExitAsync(cancel);
        await drain;
        return new Outcome(name, flaw?.Fails ?? [], FailedChecks(Path.Combine(report, "verdict.json")), process.ExitCode,
            Path.Combine(report, "summary.md"));
    }

    private static IReadOnlyList<string> FailedChecks(string verdictPath)
    {
        if (!File.Exists(verdictPath)) return ["(no verdict.json)"];
        using var verdict = JsonDocument.Parse(File.ReadAllText(verdictPath));
        return verdict.RootElement.GetProperty("items").EnumerateArray()
            .SelectMany(i => i.GetProperty("checks").EnumerateArray())
            .Where(c => c.GetProperty("status").GetString() is "fail" or "error")
            .Select(c => c.GetProperty("id").GetString()!)
            .ToList();
    }

    /// <summary>This same conform, as `dotnet conform.dll` or as its own executable.</summary>
    private static ProcessStartInfo SelfInvocation(params string[] args)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") info.ArgumentList.Add(typeof(SelfTestCommand).Assembly.Location);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["NO_COLOR"] = "1";
        return info;
    }
}
