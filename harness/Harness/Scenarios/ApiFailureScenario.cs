using System.Diagnostics;
using FakeBaseSpace;

namespace ConformanceHarness.Scenarios;

/// <summary>What the app did when BaseSpace failed it mid-analysis.</summary>
public sealed record ApiFailureEvidence(string FaultDescription, AppLaunch Launch, AppSessionSnapshot Session, bool ReachedFinalStatus,
    TimeSpan Waited, BrowserVisit Visit, string SessionFile, string JournalFile);

/// <summary>
/// A launch whose input cannot be read: BaseSpace answers 500 to every listing of the input sample's files.
/// The input is the public dataset's sample, so the fault touches no other scenario; it is removed afterwards.
/// </summary>
public static class ApiFailureScenario
{
    public static async Task<ApiFailureEvidence> RunAsync(CertificationSession session, Tenant tenant, string name)
    {
        var state = session.Fake.State;
        var input = state.PublicDataset.Sample;
        var fault = new Fault { Origin = "api", Method = "GET", PathPattern = $"^/v1pre3/samples/{input.Id}/files", StatusCode = 500 };
        session.Fake.Faults.Add(fault);
        try
        {
            var launch = state.LaunchApp(session.App, tenant.User.Id, input.Id, tenant.Project.Id);
            var completeWithin = TimeSpan.FromSeconds(session.Profile.Timeouts.CompleteSeconds);
            var clock = Stopwatch.StartNew();
            var finalReached = false;
            var visit = await session.Visitor.VisitAsync(name, session.WebSessionCookie(tenant), launch.WebLaunchUrl, async _ =>
                finalReached = await Poll.UntilAsync(() => LaunchScenario.IsFinal(state, launch.AppSessionId), completeWithin, session.Stopping));
            var snapshot = state.GetAppSession(launch.AppSessionId);
            return new ApiFailureEvidence($"HTTP 500 to GET samples/{input.Id}/files (the input sample's file list)", launch, snapshot,
                finalReached, clock.Elapsed, visit,
                session.Store.WriteJson($"{name}/appsession.json", snapshot),
                session.Store.WriteJson($"{name}/journal.json", state.Journal.Entries().Where(e => e.AppSessionId == launch.AppSessionId || e.UserId == tenant.User.Id).ToList()));
        }
        finally
        {
            session.Fake.Faults.Remove(fault);
        }
    }
}
