using System.Diagnostics;
using System.Reflection;
using System.Text;
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
        using var run = Start(args);
        return await run.FinishAsync(timeout, outDirectory);
    }

    public static RunningConform Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        info.ArgumentList.Add(ConformDll());
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["NO_COLOR"] = "1";
        return new RunningConform(Process.Start(info)!, string.Join(' ', args));
    }
}

/// <summary>A `conform` process still running: its output so far, and ways to end it.</summary>
public sealed class RunningConform : IDisposable
{
    private readonly Process _process;
    private readonly string _command;
    private readonly StringBuilder _output = new();

    internal RunningConform(Process process, string command)
    {
        _process = process;
        _command = command;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
                throw new TimeoutException($"conform {_command} never printed '{text}':\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Sends a signal: INT is what Ctrl-C in a terminal sends, TERM what a service manager sends.</summary>
    public void Signal(string name) => Process.Start("kill", [$"-{name}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    public async Task<ConformResult> FinishAsync(TimeSpan timeout, string? outDirectory)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"conform {_command} did not finish within {timeout.TotalSeconds:0} s:\n{Output}");
        }
        _process.WaitForExit(); // drains the output readers
        var verdictPath = outDirectory is null ? null : Path.Combine(outDirectory, "verdict.json");
        var verdict = verdictPath is not null && File.Exists(verdictPath) ? JsonDocument.Parse(File.ReadAllText(verdictPath)) : null;
        return new ConformResult(_process.ExitCode, Output, verdict);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
