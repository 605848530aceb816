using System.Text.RegularExpressions;
using FakeBaseSpace;
using Microsoft.Playwright;

namespace ConformanceHarness.Scenarios;

/// <summary>
/// What logging out showed: the control the user pressed (null: the app offers none) and where the browser
/// landed afterwards.
/// </summary>
public sealed record LogoutEvidence(string? Control, string PageBefore, string? Landed, BrowserVisit Visit);

/// <summary>
/// A user launches the app from BaseSpace, then presses its log-out control (a button or link named
/// "log out", "logout" or "sign out"), as a person would.
/// </summary>
public static partial class LogoutScenario
{
    [GeneratedRegex(@"\b(log|sign)[\s-]?(out|off)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LogoutName();

    public static async Task<LogoutEvidence> RunAsync(CertificationSession session, Tenant tenant, string name)
    {
        var launch = session.Fake.State.LaunchApp(session.App, tenant.User.Id, tenant.Sample.Id, tenant.Project.Id);
        string? control = null, landed = null;
        var before = "";
        var visit = await session.Visitor.VisitAsync(name, session.WebSessionCookie(tenant), launch.WebLaunchUrl, async page =>
        {
            before = page.Url;
            var logout = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { NameRegex = LogoutName() })
                .Or(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { NameRegex = LogoutName() }));
            if (await logout.CountAsync() == 0) return;
            control = (await logout.First.InnerTextAsync()).Trim();
            await logout.First.ClickAsync();
            try
            {
                await page.WaitForURLAsync(url => url != before,
                    new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load, Timeout = 15_000 });
            }
            catch (TimeoutException)
            {
                // Nothing navigated: the page the user is left on is the evidence.
            }
            landed = page.Url;
        });
        return new LogoutEvidence(control, before, landed, visit);
    }
}
