using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ConformanceHarness.Profiles;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ConformanceHarness.Apps;

/// <summary>The app could not be started or did not become ready; the harness cannot judge it.</summary>
public sealed class AppStartException(string message) : Exception(message);

/// <summary>
/// An app process the harness started. Its whole process tree is stopped on dispose, and also when the
/// harness process itself exits, so nothing is left running after a failure or Ctrl-C.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private static readonly ConcurrentDictionary<AppProcess, byte> Running = new();
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _logPath;
    private readonly StreamWriter _log;
    private int _stopped;

    static AppProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { foreach (var app in Running.Keys) app.Dispose(); };
    }

    private AppProcess(Process process, string logPath)
    {
        _process = process;
        _logPath = logPath;
        _log = new StreamWriter(logPath) { AutoFlush = true };
        Running[this] = 0;
    }

    /// <summary>Where the app's stdout and stderr are written, unmasked (masked copies go to the report).</summary>
    public string LogPath => _logPath;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="start"/>'s command through the shell with the contract's variables added.</summary>
    public static AppProcess Start(StartSection start, string baseDirectory, IReadOnlyDictionary<string, string> contract, string logPath)
    {
        var workdir = Path.GetFullPath(Path.Combine(baseDirectory, start.WorkingDirectory));
        if (!Directory.Exists(workdir)) throw new AppStartException($"app.start.workdir '{workdir}' does not exist");
        var info = new ProcessStartInfo("/bin/sh", ["-c", "exec " + start.Command])
        {
            WorkingDirectory = workdir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in contract) info.Environment[name] = value;
        foreach (var (name, value) in start.Environment) info.Environment[name] = value;
        // The app must not pick up the harness's own ASP.NET settings by accident.
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");

        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        try
        {
            process.Start();
        }
        catch (Exception e)
        {
            throw new AppStartException($"could not start '{start.Command}' in {workdir}: {e.Message}");
        }
        var app = new AppProcess(process, logPath);
        process.OutputDataReceived += (_, e) => app.Record(e.Data);
        process.ErrorDataReceived += (_, e) => app.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return app;
    }

    /// <summary>
    /// Waits until GET <paramref name="readyUrl"/> answers below 500, or fails fast when the app exits,
    /// or after <paramref name="timeout"/>. Readiness is not a TLS verdict, so any certificate is accepted here.
    /// </summary>
    public async Task WaitUntilReadyAsync(Uri readyUrl, TimeSpan timeout, CancellationToken cancel)
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        var pipeline = new ResiliencePipelineBuilder<bool>()
            .AddTimeout(timeout)
            .AddRetry(new RetryStrategyOptions<bool>
            {
                ShouldHandle = new PredicateBuilder<bool>().HandleResult(false).Handle<HttpRequestException>().Handle<TaskCanceledException>(),
                MaxRetryAttempts = int.MaxValue,
                Delay = TimeSpan.FromMilliseconds(100),
                BackoffType = DelayBackoffType.Constant,
            })
            .Build();
        try
        {
            await pipeline.ExecuteAsync(async token =>
            {
                if (_process.HasExited)
                {
                    await DrainOutputAsync();
                    throw new AppStartException($"the app exited with code {_process.ExitCode} before it was ready. Its last output:\n{Tail()}");
                }
                using var response = await http.GetAsync(readyUrl, token);
                return (int)response.StatusCode < 500;
            }, cancel);
        }
        catch (TimeoutRejectedException)
        {
            throw new AppStartException($"the app did not answer GET {readyUrl} within {timeout.TotalSeconds:0} s (app.start.readySeconds). Its last output:\n{Tail()}");
        }
    }

    /// <summary>
    /// Lets the output readers reach the end of an exited app's output, so the tail holds its last words;
    /// bounded, since a child the app left behind may hold the pipe open.
    /// </summary>
    private async Task DrainOutputAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The last lines the app printed, for error messages.</summary>
    public string Tail(int lines = 15) => string.Join('\n', _output.TakeLast(lines));

    /// <summary>A free TCP port on loopback for the app to listen on.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        Running.TryRemove(this, out _);
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
        lock (_log)
        {
            if (_stopped == 0) _log.WriteLine(line);
        }
    }
}
