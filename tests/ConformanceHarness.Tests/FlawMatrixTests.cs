using System.Text.RegularExpressions;
using ConformanceHarness.SelfTest;
using NUnit.Framework;

namespace ConformanceHarness.Tests;

/// <summary>
/// Every check is proven able to fail: each flaw of the reference app (samples/ReferenceApp/flaws.json) makes
/// exactly its checks fail, and nothing else; the clean app passes everything. Each case is one real
/// `conform certify` run (fake, app process, Chromium).
/// </summary>
[TestFixture, Parallelizable(ParallelScope.Children)]
public sealed class FlawMatrixTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(4);

    public static IEnumerable<TestCaseData> Flaws() =>
        ReferenceAppFlaws.Load().Select(f => new TestCaseData(f).SetArgDisplayNames(f.Flaw));

    [Test]
    public void EveryCheckHasAFlawThatFailsIt()
    {
        var checks = typeof(Suites.CertificationRun).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttributes(typeof(Suites.CheckAttribute), false).OfType<Suites.CheckAttribute>().FirstOrDefault()?.Id)
            .OfType<string>();
        var proven = ReferenceAppFlaws.Load().SelectMany(f => f.Fails);
        Assert.That(proven.Distinct(), Is.EquivalentTo(checks), "each check needs a flaw in samples/ReferenceApp and a line in its flaws.json");
    }

    [TestCaseSource(nameof(Flaws))]
    public async Task FlawFailsExactlyItsChecks(FlawExpectation flaw)
    {
        var folder = Path.Combine(Path.GetTempPath(), "conform-flaw-" + flaw.Flaw + "-" + Guid.NewGuid().ToString("N")[..8]);
        var profile = ReferenceAppFlaws.WriteProfile(folder, ReferenceAppFlaws.CompleteSecondsFor(flaw), flaw.Flaw);
        var outDir = Path.Combine(folder, "out");

        var result = await ConformProcess.RunAsync(RunTimeout, outDir, "certify", "--profile", profile, "--out", outDir);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.Not.Null, result.Output);
            Assert.That(result.ExitCode, Is.EqualTo(1), result.Output);
            Assert.That(result.ChecksWith("fail"), Is.EquivalentTo(flaw.Fails), result.Output);
            Assert.That(result.ChecksWith("error"), Is.Empty, result.Output);
            Assert.That(UnmaskedTokens(outDir), Is.Empty, "a token reached the report or its evidence unmasked");
        });
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Files of the report holding "access_token=" followed by something other than a mask.</summary>
    private static IEnumerable<string> UnmaskedTokens(string outDir) =>
        Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".json" or ".md" or ".log" or ".txt" or ".xml")
            .Where(f => Regex.IsMatch(File.ReadAllText(f), "access_token=(?!\\[masked)[A-Za-z0-9_-]{16}"))
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
            foreach (var item in new[] { "2B", "2C", "3A", "3B", "5C", "6A", "6B", "7C", "8A", "8C", "8D", "9A", "9B" })
                Assert.That(result.ItemStatuses.GetValueOrDefault(item), Is.EqualTo("pass"), $"item {item}\n{result.Output}");
        });
        Directory.Delete(folder, recursive: true);
    }
}
