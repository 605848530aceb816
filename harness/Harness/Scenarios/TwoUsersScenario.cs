using FakeBaseSpace;

namespace ConformanceHarness.Scenarios;

/// <summary>One user's side of <see cref="TwoUsersScenario"/>.</summary>
public sealed record UserView(Tenant Tenant, AppLaunch Launch, BrowserVisit Visit);

/// <summary>Two users of different tenants using the app at the same time.</summary>
public sealed record TwoUsersEvidence(UserView First, UserView Second)
{
    /// <summary>Each user with the other: the pairs a tenancy check compares.</summary>
    public IEnumerable<(UserView Viewer, UserView Other)> Pairs => [(First, Second), (Second, First)];
}

/// <summary>
/// Users A and B launch the app at the same moment, each in a browser of their own. Once both analyses
/// are final (or the profile's completeSeconds pass), each reloads their page: what each then sees is
/// the evidence of multi-tenancy (8D, 8E).
/// </summary>
public static class TwoUsersScenario
{
    public static async Task<TwoUsersEvidence> RunAsync(CertificationSession session, Tenant first, Tenant second, string name)
    {
        var state = session.Fake.State;
        var launches = new[] { first, second }
            .Select(t => (Tenant: t, Launch: state.LaunchApp(session.App, t.User.Id, t.Sample.Id, t.Project.Id)))
            .ToList();
        using var bothLoaded = new CountdownEvent(launches.Count);
        var completeWithin = TimeSpan.FromSeconds(session.Profile.Timeouts.CompleteSeconds);

        var visits = await Task.WhenAll(launches.Select(l =>
            session.Visitor.VisitAsync($"{name}/{l.Tenant.User.Id}", session.WebSessionCookie(l.Tenant), l.Launch.WebLaunchUrl, async page =>
            {
                bothLoaded.Signal();
                await Poll.UntilAsync(() => bothLoaded.IsSet, completeWithin, session.Stopping);
                await Poll.UntilAsync(() => launches.All(x => LaunchScenario.IsFinal(state, x.Launch.AppSessionId)), completeWithin, session.Stopping);
                await page.ReloadAsync();
            })));
        return new TwoUsersEvidence(
            new UserView(launches[0].Tenant, launches[0].Launch, visits[0]),
            new UserView(launches[1].Tenant, launches[1].Launch, visits[1]));
    }
}
