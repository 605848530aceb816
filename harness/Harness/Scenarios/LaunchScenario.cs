using System.Diagnostics;
using FakeBaseSpace;
using Microsoft.Playwright;

namespace ConformanceHarness.Scenarios;

/// <summary>What one launch from BaseSpace showed: the browser's view, the AppSession's fate, the fake's journal.</summary>
public sealed record LaunchEvidence(
    Tenant Tenant,
    RegisteredApp App,
    AppLaunch Launch,
    BrowserVisit Visit,
    AppSessionSnapshot Session,
    bool ReachedFinalStatus,
    TimeSpan Waited,
    TimeSpan? AppTime,
    IReadOnlyList<JournalEntry> Journal,
    string JournalFile,
    string SessionFile,
    IReadOnlyList<AppResultSnapshot> AppResults,
    string AppResultsFile)
{
    /// <summary>Journal entries of calls the app made with tokens of this launch's user.</summary>
    public IEnumerable<JournalEntry> AppCalls =>
        Journal.Where(e => e.Origin == "api" && e.UserId == Tenant.User.Id && e.ClientId == App.ClientId);
}

/// <summary>
/// The pre-authorized launch: BaseSpace creates an AppSession for the user's sample and project and sends
/// the browser through its launcher to the app's launch URL with the authorization code; the harness then
/// waits until the AppSession is final or the profile's completeSeconds pass.
/// </summary>
public static class LaunchScenario
{
    public static readonly IReadOnlySet<string> FinalStatuses = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "Complete", "Aborted", "TimedOut" };

    public static bool IsFinal(BaseSpaceState state, string appSessionId) =>
        FinalStatuses.Contains(state.GetAppSession(appSessionId).Status);

    public static async Task<LaunchEvidence> RunAsync(CertificationSession session, Tenant tenant, string name)
    {
        var state = session.Fake.State;
        var launch = state.LaunchApp(session.App, tenant.User.Id, tenant.Sample.Id, tenant.Project.Id);
        var completeWithin = TimeSpan.FromSeconds(session.Profile.Timeouts.CompleteSeconds);
        var clock = Stopwatch.StartNew();
        var launchedAt = DateTimeOffset.UtcNow;
        var finalReached = false;

        var visit = await session.Visitor.VisitAsync(name, session.WebSessionCookie(tenant), launch.WebLaunchUrl, async _ =>
            finalReached = await Poll.UntilAsync(() => IsFinal(state, launch.AppSessionId), completeWithin - clock.Elapsed, session.Stopping));

        var snapshot = state.GetAppSession(launch.AppSessionId);
        var finalChange = snapshot.History.LastOrDefault(h => FinalStatuses.Contains(h.Status));
        var journal = state.Journal.Entries();
        // What the app wrote back while this launch ran: AppResults in the output project, by this user.
        var appResults = state.AppResultsIn(tenant.Project.Id)
            .Where(r => r.UserId == tenant.User.Id && r.DateCreated >= launchedAt)
            .ToList();
        return new LaunchEvidence(
            tenant, session.App, launch, visit, snapshot, finalReached, clock.Elapsed,
            finalChange is null ? null : finalChange.Time - launchedAt,
            journal,
            session.Store.WriteJson($"{name}/journal.json", journal),
            session.Store.WriteJson($"{name}/appsession.json", snapshot),
            appResults,
            session.Store.WriteJson($"{name}/appresults.json", appResults));
    }
}

/// <summary>What a visit to the app without a launch showed: where the browser was sent to sign in.</summary>
public sealed record DirectVisitEvidence(string StartUrl, BrowserVisit Visit);

/// <summary>A user signed in to BaseSpace opens the app's address directly, as from a bookmark.</summary>
public static class DirectVisitScenario
{
    public static async Task<DirectVisitEvidence> RunAsync(CertificationSession session, Tenant tenant, string name)
    {
        var start = new Uri(session.AppUrl, "/").ToString();
        var visit = await session.Visitor.VisitAsync(name, session.WebSessionCookie(tenant), start, _ => Task.CompletedTask);
        return new DirectVisitEvidence(start, visit);
    }
}
