using NUnit.Framework;

namespace ConformanceHarness.Suites;

/// <summary>
/// 8D "multi-tenant": users of different tenants use the app at the same time, and each sees only their
/// own BaseSpace data.
/// </summary>
[TestFixture]
public sealed class MultiTenancy : ChecklistSuite
{
    [Test, Check("8D.users-see-only-their-own-data", "Two users at once: neither sees another user's name, email, project or sample")]
    public async Task UsersSeeOnlyTheirOwnData()
    {
        var evidence = await Session.TwoUsersAsync();
        // Any other user of the run counts: scenarios run side by side, and a leak may show whoever came last.
        var seen = evidence.Pairs.SelectMany(pair => Session.Fake.State.Tenants
            .Where(other => other.User.Id != pair.Viewer.Tenant.User.Id)
            .SelectMany(other => pair.Viewer.Visit.Browser.Pages
                .Where(p => SingleSignOn.IsAppPage(p.Url))
                .SelectMany(p => new[] { other.User.Name, other.User.Email, other.Project.Name, other.Sample.Name }
                    .Where(m => p.Text.Contains(m, StringComparison.OrdinalIgnoreCase) || p.Html.Contains(m, StringComparison.OrdinalIgnoreCase))
                    .Select(m => $"{pair.Viewer.Tenant.User.Name} saw \"{m}\" (of {other.User.Name}) on {p.Url}"))))
            .ToList();
        PassIf(seen.Count == 0,
            pass: $"{evidence.First.Tenant.User.Name} and {evidence.Second.Tenant.User.Name} launched the app at the same time; neither page showed another user's name, email, project or sample.",
            fail: $"Users see each other's data: {string.Join("; ", seen)}.",
            hint: "Keep everything per user session: never show data from a shared or 'latest' variable; look up what a page shows through the signed-in user's own token.",
            evidence.Pairs.SelectMany(p => new[] { p.Viewer.Visit.Files.Pages, p.Viewer.Visit.Files.Screenshot }));
    }
}
