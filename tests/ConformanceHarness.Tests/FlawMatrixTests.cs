using NUnit.Framework;

namespace ConformanceHarness.Tests;

/// <summary>
/// Every check is proven able to fail: each flaw of the reference app makes exactly its checks fail, and
/// nothing else; the clean app passes everything. Each case is one real `conform certify` run (fake,
/// app process, Chromium).
/// </summary>
[TestFixture, Parallelizable(ParallelScope.Children)]
public sealed class FlawMatrixTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(4);

    /// <summary>A flaw and the checks it must fail. A stall (never-completes) is both a stall and no Complete.</summary>
    public static readonly object[] Flaws =
    [
        new object[] { "token-in-url", new[] { "8C.token-not-in-urls" } },
        new object[] { "token-in-page", new[] { "8C.token-not-in-page" } },
        new object[] { "token-in-storage", new[] { "8C.token-not-in-storage" } },
        new object[] { "token-in-cookie", new[] { "8C.token-not-in-readable-cookie" } },
        new object[] { "token-in-console", new[] { "8C.token-not-in-console" } },
        new object[] { "login-wall", new[] { "9B.no-login-after-launch" } },
        new object[] { "skip-user-lookup", new[] { "9B.user-from-basespace" } },
        new object[] { "direct-visit-login-page", new[] { "9B.direct-visit-uses-basespace-sign-in" } },
        new object[] { "never-completes", new[] { "2B.no-stall", "3B.session-complete" } },
        new object[] { "aborts-when-done", new[] { "3B.session-complete" } },
        new object[] { "no-status-summary", new[] { "3A.status-summary" } },
        new object[] { "logout-stays-in-app", new[] { "9B.logout-returns-to-basespace" } },
        new object[] { "no-basespace-link", new[] { "9A.link-back-to-basespace" } },
        new object[] { "no-version", new[] { "7C.version-in-gui" } },
        new object[] { "self-signed-certificate", new[] { "8A.valid-certificate" } },
        new object[] { "appresult-without-appsession", new[] { "5C.appresult-linked-to-appsession" } },
        new object[] { "no-appresult-references", new[] { "5C.appresult-references-input" } },
        new object[] { "no-appresult-properties", new[] { "6A.appresult-properties" } },
        new object[] { "no-appsession-properties", new[] { "6B.appsession-output-properties" } },
        new object[] { "shared-latest-analysis", new[] { "8D.users-see-only-their-own-data" } },
    ];

    [Test]
    public void EveryCheckHasAFlawThatFailsIt()
    {
        var checks = typeof(Suites.CertificationRun).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttributes(typeof(Suites.CheckAttribute), false).OfType<Suites.CheckAttribute>().FirstOrDefault()?.Id)
            .OfType<string>();
        var proven = Flaws.Cast<object[]>().SelectMany(f => (string[])f[1]);
        Assert.That(proven.Distinct(), Is.EquivalentTo(checks), "each check needs a flaw in samples/ReferenceApp and a case above");
    }

    [TestCaseSource(nameof(Flaws))]
    public async Task FlawFailsExactlyItsChecks(string flaw, string[] expectedFailures)
    {
        var folder = Path.Combine(Path.GetTempPath(), "conform-flaw-" + flaw + "-" + Guid.NewGuid().ToString("N")[..8]);
        // A short completeSeconds keeps the stall case quick; the other flaws complete in about a second.
        var profile = ReferenceAppProfiles.Write(folder, completeSeconds: flaw == "never-completes" ? 8 : 30, flaw);
        var outDir = Path.Combine(folder, "out");

        var result = await ConformProcess.RunAsync(RunTimeout, outDir, "certify", "--profile", profile, "--out", outDir);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.Not.Null, result.Output);
            Assert.That(result.ExitCode, Is.EqualTo(1), result.Output);
            Assert.That(result.ChecksWith("fail"), Is.EquivalentTo(expectedFailures), result.Output);
            Assert.That(result.ChecksWith("error"), Is.Empty, result.Output);
            Assert.That(UnmaskedTokens(outDir), Is.Empty, "a token reached the report or its evidence unmasked");
        });
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Files of the report holding "access_token=" followed by something other than a mask.</summary>
    private static IEnumerable<string> UnmaskedTokens(string outDir) =>
        Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".json" or ".md" or ".log" or ".txt")
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), "access_token=(?!\\[masked)[A-Za-z0-9_-]{16}"))
            .Select(f => Path.GetRelativePath(outDir, f));

    [Test]
    public async Task CleanReferenceAppPassesEveryCheck()
    {
        var folder = Path.Combine(Path.GetTempPath(), "conform-clean-" + Guid.NewGuid().ToString("N")[..8]);
        var outDir = Path.Combine(folder, "out");

        var result = await ConformProcess.RunAsync(RunTimeout, outDir, "certify", "--out", outDir);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
            Assert.That(result.CheckStatuses, Is.Not.Empty, result.Output);
            Assert.That(result.CheckStatuses.Values, Is.All.EqualTo("pass"), result.Output);
            foreach (var item in new[] { "9B", "8C", "3A", "3B", "2B", "9A", "7C", "8D", "8A", "5C", "6A", "6B" })
                Assert.That(result.ItemStatuses.GetValueOrDefault(item), Is.EqualTo("pass"), $"item {item}\n{result.Output}");
        });
        Directory.Delete(folder, recursive: true);
    }
}
