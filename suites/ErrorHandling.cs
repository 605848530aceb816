using NUnit.Framework;

namespace ConformanceHarness.Suites;

/// <summary>
/// 2 "Error Handling and Status Reporting": when BaseSpace fails the app mid-analysis, the app says so on
/// the AppSession (Aborted, with a StatusSummary) rather than stalling or pretending to succeed.
/// </summary>
[TestFixture]
public sealed class ErrorHandling : ChecklistSuite
{
    [Test, Check("2C.failure-reported-as-aborted", "A failure mid-analysis ends the AppSession Aborted with a StatusSummary")]
    public async Task FailureReportedAsAborted()
    {
        var failure = await Session.ApiFailureAsync();
        var session = failure.Session;
        var evidence = new[] { failure.SessionFile, failure.JournalFile, failure.Visit.Files.Screenshot };
        if (session.Status.Equals("Complete", StringComparison.OrdinalIgnoreCase))
        {
            Warn($"With {failure.FaultDescription}, the AppSession still ended Complete (\"{session.StatusSummary}\"): check the results are not missing input.",
                "When input cannot be read, end the AppSession Aborted with a StatusSummary saying what failed.", evidence);
            return;
        }
        var aborted = session.Status.Equals("Aborted", StringComparison.OrdinalIgnoreCase);
        PassIf(aborted && !string.IsNullOrWhiteSpace(session.StatusSummary),
            pass: $"With {failure.FaultDescription}, the app ended the AppSession Aborted: \"{session.StatusSummary}\".",
            fail: aborted
                ? $"With {failure.FaultDescription}, the app ended the AppSession Aborted without a StatusSummary: the user is not told what failed."
                : $"With {failure.FaultDescription}, the AppSession was still {session.Status} (\"{session.StatusSummary}\") {failure.Waited.TotalSeconds:0} s later: the failure was never reported.",
            hint: "Catch failures of BaseSpace calls; POST appsessions/{id} with status=Aborted and a statussummary that says what failed (write details to the AppSession's logs).",
            evidence);
    }
}
