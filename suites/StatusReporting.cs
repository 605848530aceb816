using NUnit.Framework;

namespace ConformanceHarness.Suites;

/// <summary>
/// 2B "does not stall", 3A "reports status", 3B "marks Complete": judged on the AppSession of a launch as
/// the fake saw it, with its whole status history.
/// </summary>
[TestFixture]
public sealed class StatusReporting : ChecklistSuite
{
    [Test, Check("2B.no-stall", "The AppSession reaches a final status within timeouts.completeSeconds")]
    public async Task NoStall()
    {
        var launch = await Session.LaunchAsync();
        PassIf(launch.ReachedFinalStatus,
            pass: $"The AppSession reached {launch.Session.Status} after {launch.AppTime?.TotalSeconds:0.0} s.",
            fail: $"The app stalled: the AppSession was still {launch.Session.Status} (\"{launch.Session.StatusSummary}\") " +
                  $"{launch.Waited.TotalSeconds:0} s after launch (timeouts.completeSeconds = {Session.Profile.Timeouts.CompleteSeconds}).",
            hint: "Always end an AppSession: POST appsessions/{id} with status Complete when done, or Aborted with a StatusSummary when it fails.",
            [launch.SessionFile, launch.JournalFile]);
    }

    [Test, Check("3B.session-complete", "A successful analysis marks the AppSession Complete")]
    public async Task SessionComplete()
    {
        var launch = await Session.LaunchAsync();
        var session = launch.Session;
        PassIf(session.Status.Equals("Complete", StringComparison.OrdinalIgnoreCase),
            pass: $"The AppSession was marked Complete (\"{session.StatusSummary}\").",
            fail: launch.ReachedFinalStatus
                ? $"The AppSession ended {session.Status} (\"{session.StatusSummary}\") instead of Complete, on the reference input of the launch."
                : $"The AppSession was never marked Complete: still {session.Status} after {launch.Waited.TotalSeconds:0} s.",
            hint: "When the analysis succeeds, POST appsessions/{id} with status=Complete and a final StatusSummary.",
            [launch.SessionFile, launch.JournalFile]);
    }

    [Test, Check("3A.status-summary", "The AppSession carries a StatusSummary for the user")]
    public async Task StatusSummary()
    {
        var launch = await Session.LaunchAsync();
        var summaries = launch.Session.History.Select(h => h.StatusSummary).Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        PassIf(!string.IsNullOrWhiteSpace(launch.Session.StatusSummary),
            pass: $"StatusSummary reported {summaries.Count} time(s); last: \"{launch.Session.StatusSummary}\".",
            fail: $"The AppSession's StatusSummary is empty at status {launch.Session.Status}: the user sees no word of what happened.",
            hint: "Send a statussummary with every status change (POST appsessions/{id} {\"status\":…,\"statussummary\":…}), and update it as the work progresses.",
            [launch.SessionFile, launch.JournalFile]);
    }
}
