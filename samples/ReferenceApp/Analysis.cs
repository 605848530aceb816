using System.Text;

namespace ReferenceApp;

/// <summary>
/// The app's work for one launch: read the input sample's files, summarise them, write the summary back
/// to BaseSpace as an AppResult in the output project, and report progress through the AppSession status.
/// </summary>
public sealed class Analysis(BaseSpaceClient baseSpace, AppConfig config, ILogger<Analysis> log)
{
    private const string Running = "Running", Complete = "Complete", Aborted = "Aborted";

    /// <summary>
    /// Reads the AppSession (the page needs its OriginatingUri for "Back to BaseSpace"), then runs the rest
    /// in the background so the browser's redirect is not held up by the analysis.
    /// </summary>
    public async Task StartAsync(UserSession session, string appSessionId)
    {
        session.Analysis = new AnalysisStatus("Starting", null);
        AppSessionInfo appSession;
        try
        {
            appSession = await baseSpace.GetAppSessionAsync(session.AccessToken, appSessionId, CancellationToken.None);
        }
        catch (Exception e) when (e is BaseSpaceException or HttpRequestException or TaskCanceledException)
        {
            await AbortAsync(session, appSessionId, $"Could not read the AppSession: {e.Message}");
            return;
        }
        if (appSession.OriginatingUri is { Length: > 0 } origin) session.ReturnUrl = origin;
        _ = Task.Run(() => RunAsync(session, appSession));
    }

    private async Task RunAsync(UserSession session, AppSessionInfo appSession)
    {
        var work = Directory.CreateTempSubdirectory("refapp-");
        try
        {
            if (appSession.Sample is not { } input || appSession.Project is not { } output)
            {
                await AbortAsync(session, appSession.Id,
                    "This app needs one input sample and one output project; this AppSession does not name both.");
                return;
            }
            await SetStatusAsync(session, appSession.Id, Running, $"Analyzing {input.Name ?? input.Id}");

            var token = session.AccessToken;
            var sample = await baseSpace.GetSampleAsync(token, input.Id, CancellationToken.None);
            var files = await baseSpace.ListSampleFilesAsync(token, sample.Id, CancellationToken.None);
            var report = new StringBuilder($"{AppConfig.AppName} v{AppConfig.Version}: summary of sample {sample.Name}\nfile\tbytes\tlines\n");
            long totalBytes = 0;
            foreach (var file in files)
            {
                // Saved under the file's id, never its name: a name from the API must not choose a path here.
                var path = Path.Combine(work.FullName, file.Id);
                await baseSpace.DownloadFileAsync(token, file.Id, path, CancellationToken.None);
                var (bytes, lines) = await MeasureAsync(path);
                totalBytes += bytes;
                report.Append($"{file.Name}\t{bytes}\t{lines}\n");
            }
            var outcome = $"{files.Count} files, {totalBytes} bytes";
            report.Append($"total: {outcome}\n");

            var resultId = await baseSpace.CreateAppResultAsync(token, output.Id,
                config.Flaws[Flaw.AppResultWithoutAppSession] ? null : appSession.Id, sample.Name,
                $"File sizes and line counts of sample {sample.Name}",
                config.Flaws[Flaw.NoAppResultReferences] ? null : sample.Id, CancellationToken.None);
            await baseSpace.UploadFileAsync(token, resultId, "summary.txt", Encoding.UTF8.GetBytes(report.ToString()), "text/plain", CancellationToken.None);
            if (!config.Flaws[Flaw.NoAppResultProperties])
                await baseSpace.WritePropertiesAsync(token, $"appresults/{resultId}",
                [
                    new("sample[]", "Input.Samples", [BaseSpaceClient.SampleHref(sample.Id)]),
                    new("project[]", "Input.Projects", [BaseSpaceClient.ProjectHref(sample.ProjectId ?? output.Id)]),
                ], CancellationToken.None);
            if (!config.Flaws[Flaw.NoAppSessionProperties])
                await baseSpace.WritePropertiesAsync(token, $"appsessions/{appSession.Id}",
                    [new("appresult[]", "Output.AppResults", [BaseSpaceClient.AppResultHref(resultId)])], CancellationToken.None);

            if (config.Flaws[Flaw.NeverCompletes]) return;
            if (config.Flaws[Flaw.AbortsWhenDone])
                await SetStatusAsync(session, appSession.Id, Aborted, $"Analysis of {sample.Name} stopped: {outcome}");
            else
                await SetStatusAsync(session, appSession.Id, Complete, $"Analysis of {sample.Name} complete: {outcome}");
        }
        catch (Exception e) when (!config.Flaws[Flaw.SilentFailure])
        {
            // Any failure ends the AppSession with an explanation rather than leaving it Running forever.
            await AbortAsync(session, appSession.Id, $"Analysis failed: {e.Message}");
        }
        catch (Exception e)
        {
            // The silent-failure flaw: the error is only logged; the AppSession is left Running.
            log.LogWarning("Analysis failed: {Error}", e.Message);
        }
        finally
        {
            // BaseSpace data must not be kept once the analysis is over.
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Ends an AppSession the app cannot work on; usable before any user session exists (a launch whose
    /// user could not be identified). A failure to tell BaseSpace is logged, not thrown: there is nothing more to do.
    /// </summary>
    public async Task TryAbortAsync(string token, string appSessionId, string reason)
    {
        try
        {
            await ReportAsync(token, appSessionId, Aborted, reason);
        }
        catch (Exception e) when (e is BaseSpaceException or HttpRequestException or TaskCanceledException)
        {
            log.LogWarning("AppSession {Id}: could not set status Aborted: {Error}", appSessionId, e.Message);
        }
    }

    private async Task AbortAsync(UserSession session, string appSessionId, string reason)
    {
        await TryAbortAsync(session.AccessToken, appSessionId, reason);
        session.Analysis = new AnalysisStatus(Aborted, reason);
    }

    /// <summary>Reports a status to BaseSpace, then mirrors it on the app's own page.</summary>
    private async Task SetStatusAsync(UserSession session, string appSessionId, string status, string summary)
    {
        await ReportAsync(session.AccessToken, appSessionId, status, summary);
        session.Analysis = new AnalysisStatus(status, summary);
    }

    private async Task ReportAsync(string token, string appSessionId, string status, string summary)
    {
        // The no-status-summary flaw leaves the summary out of a run's progress and success, not out of a failure
        // report, so that it breaks 3A alone (2C judges failure reports).
        var sent = config.Flaws[Flaw.NoStatusSummary] && status != Aborted ? null : Truncate(summary);
        await baseSpace.SetStatusAsync(token, appSessionId, status, sent, CancellationToken.None);
        log.LogInformation("AppSession {Id}: {Status} ({Summary})", appSessionId, status, sent ?? "no summary sent");
    }

    private static string Truncate(string text) => text.Length <= 250 ? text : text[..247] + "...";

    private static async Task<(long Bytes, long Lines)> MeasureAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        var buffer = new byte[81920];
        long lines = 0;
        int read, last = '\n';
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }
        // A last line without a newline still counts.
        return (stream.Length, last == '\n' ? lines : lines + 1);
    }
}
