using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace ConformanceHarness.Tests;

/// <summary>What one `conform` run left: its exit code, its output, and its verdict.json when there is one.</summary>
public sealed record ConformResult(int ExitCode, string Output, JsonDocument? Verdict)
{
    /// <summary>Check id → status, from verdict.json.</summary>
    public IReadOnlyDictionary<string, string> CheckStatuses =>
        Verdict is null ? new Dictionary<string, string>() :
        Verdict.RootElement.GetProperty("items").EnumerateArray()
            .SelectMany(i => i.GetProperty("checks").EnumerateArray())
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("status").GetString()!);

    public IReadOnlyDictionary<string, string> ItemStatuses =>
        Verdict is null ? new Dictionary<string, string>() :
        Verdict.RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("status").GetString()!);

    public IEnumerable<string> ChecksWith(string status) =>
        CheckStatuses.Where(c => c.Value == status).Select(c => c.Key).Order(StringComparer.Ordinal);
}

/// <summary>Runs the real `conform` command line as a separate process, as a reviewer or CI would.</summary>
public static class ConformProcess
{
    public static readonly string Root = RepositoryLayout.Root();

    /// <summary>conform.dll built in the same configuration as these tests.</summary>
    private static string ConformDll()
    {
        var configuration = typeof(ConformProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        return Path.Combine(Root, "harness", "Conform", "bin", configuration, "net10.0", "conform.dll");
    }

    public static async Task<ConformResult> RunAsync(TimeSpan timeout, string? outDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        info.ArgumentList.Add(ConformDll());
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"conform {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:0} s");
        }
        var output = await stdout + await stderr;
        var verdictPath = outDirectory is null ? null : Path.Combine(outDirectory, "verdict.json");
        var verdict = verdictPath is not null && File.Exists(verdictPath) ? JsonDocument.Parse(File.ReadAllText(verdictPath)) : null;
        return new ConformResult(process.ExitCode, output, verdict);
    }
}
