using NUnit.Framework;

namespace ConformanceHarness.Tests;

/// <summary>`conform selftest`: a reviewer's proof that the harness works on their machine.</summary>
[TestFixture, Parallelizable(ParallelScope.Children)]
public sealed class SelfTestCommandTests
{
    [Test]
    public async Task CleanAndFlawedRunsComeOutAsExpected()
    {
        var outDir = Directory.CreateTempSubdirectory("conform-selftest-").FullName;

        var result = await ConformProcess.RunAsync(TimeSpan.FromMinutes(4), null, "selftest", "--flaws", "no-version", "--out", outDir);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
            Assert.That(result.Output, Does.Contain("Self-test passed"));
            Assert.That(File.Exists(Path.Combine(outDir, "clean", "report", "verdict.json")), Is.True);
            Assert.That(File.Exists(Path.Combine(outDir, "no-version", "report", "verdict.json")), Is.True);
        });
        Directory.Delete(outDir, recursive: true);
    }

    [Test]
    public async Task UnknownFlawExitsTwoListingTheKnownOnes()
    {
        var result = await ConformProcess.RunAsync(TimeSpan.FromMinutes(1), null, "selftest", "--flaws", "no-such-flaw");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Output);
            Assert.That(result.Output, Does.Contain("no-such-flaw").And.Contain("token-in-url"));
        });
    }
}
