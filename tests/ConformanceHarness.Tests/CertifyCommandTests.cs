using System.Net.Sockets;
using ConformanceHarness.SelfTest;
using NUnit.Framework;

namespace ConformanceHarness.Tests;

/// <summary>The `conform certify` command line: narrowing, refusing bad input, failing to judge, cleaning up.</summary>
[TestFixture, Parallelizable(ParallelScope.Children)]
public sealed class CertifyCommandTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(4);

    private static string TempFolder(string name) =>
        Path.Combine(Path.GetTempPath(), $"conform-{name}-{Guid.NewGuid().ToString("N")[..8]}");

    /// <summary>The app the harness started no longer listens once conform has exited.</summary>
    private static void AssertAppStopped(ConformResult result)
    {
        var appUrl = new Uri(result.Verdict!.RootElement.GetProperty("app").GetProperty("url").GetString()!);
        using var client = new TcpClient();
        Assert.That(() => client.Connect("127.0.0.1", appUrl.Port), Throws.InstanceOf<SocketException>(),
            "the app the harness started is still listening after conform exited");
    }

    [Test]
    public async Task OnlyJudgesTheNamedItemsAndStopsTheApp()
    {
        var outDir = Path.Combine(TempFolder("only"), "out");

        var result = await ConformProcess.RunAsync(RunTimeout, outDir, "certify", "--only", "8C", "--out", outDir);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
            Assert.That(result.ItemStatuses.Keys, Is.EquivalentTo(new[] { "8C" }), result.Output);
            Assert.That(result.CheckStatuses.Keys, Has.All.StartWith("8C."));
        });
        AssertAppStopped(result);
    }

    [Test]
    public async Task UnknownOnlyIdExitsTwo()
    {
        var result = await ConformProcess.RunAsync(TimeSpan.FromMinutes(1), null, "certify", "--only", "8C,12Z");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Output);
            Assert.That(result.Output, Does.Contain("12Z"));
        });
    }

    [Test]
    public async Task AMissingBrowserIsReportedWithHowToInstallOne()
    {
        var outDir = Path.Combine(TempFolder("nobrowser"), "out");

        var result = await ConformProcess.RunAsync(RunTimeout, outDir, "certify", "--browser", "/nonexistent/chromium", "--out", outDir);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Output);
            Assert.That(result.Verdict?.RootElement.GetProperty("error").GetString(), Does.Contain("/nonexistent/chromium").And.Contain("does not exist"));
        });
    }

    [Test]
    public async Task RefusesAnOutputFolderThatHoldsSomethingElse()
    {
        var folder = TempFolder("foreign");
        Directory.CreateDirectory(folder);
        var precious = Path.Combine(folder, "thesis.tex");
        File.WriteAllText(precious, "do not delete");

        var result = await ConformProcess.RunAsync(TimeSpan.FromMinutes(1), null, "certify", "--out", folder);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Output);
            Assert.That(result.Output, Does.Contain("not empty"));
            Assert.That(Directory.GetFileSystemEntries(folder), Is.EqualTo(new[] { precious }));
        });
    }

    [Test]
    public async Task AppThatCannotStartIsReportedAsCouldNotJudge()
    {
        var folder = TempFolder("nostart");
        Directory.CreateDirectory(folder);
        var profile = Path.Combine(folder, "app.yaml");
        File.WriteAllText(profile, """
            app:
              name: Broken App
              start:
                command: sh -c 'echo missing configuration file >&2; exit 3'
                readySeconds: 20
            """);
        var outDir = Path.Combine(folder, "out");

        var result = await ConformProcess.RunAsync(RunTimeout, outDir, "certify", "--profile", profile, "--out", outDir);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Output);
            Assert.That(result.Verdict?.RootElement.GetProperty("status").GetString(), Is.EqualTo("error"), result.Output);
            Assert.That(result.Verdict?.RootElement.GetProperty("error").GetString(), Does.Contain("exited with code 3").And.Contain("missing configuration file"));
        });
    }

    [Test]
    public async Task CtrlCStopsTheAppAndStillWritesTheReport()
    {
        var folder = TempFolder("interrupt");
        // An app that never completes keeps the launch scenario waiting: the moment to interrupt.
        var profile = ReferenceAppFlaws.WriteProfile(folder, completeSeconds: 120, "never-completes");
        var outDir = Path.Combine(folder, "out");
        using var run = ConformProcess.Start("certify", "--profile", profile, "--out", outDir);
        await run.WaitForOutputAsync("Scenario launch-user-a", RunTimeout);
        await Task.Delay(TimeSpan.FromSeconds(1));

        run.Signal("INT");
        var result = await run.FinishAsync(TimeSpan.FromSeconds(60), outDir);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Output);
            Assert.That(result.Verdict?.RootElement.GetProperty("error").GetString(), Does.Contain("interrupted"), result.Output);
        });
        AssertAppStopped(result);
    }

    [Test]
    public async Task FaultsFromTheProfileReachTheApp()
    {
        var folder = TempFolder("fault");
        var profile = ReferenceAppFlaws.WriteProfile(folder, completeSeconds: 30);
        File.AppendAllText(profile, """

            faults:
              - path: ^/v1pre3/users/current$
                method: GET
                status: 503
                times: 1
            """);
        var outDir = Path.Combine(folder, "out");

        var result = await ConformProcess.RunAsync(RunTimeout, outDir, "certify", "--profile", profile, "--out", outDir, "--only", "9B.user-from-basespace");

        var journal = File.ReadAllText(Path.Combine(outDir, "launch-user-a", "journal.json"));
        Assert.Multiple(() =>
        {
            Assert.That(result.CheckStatuses.GetValueOrDefault("9B.user-from-basespace"), Is.EqualTo("fail"), result.Output);
            Assert.That(journal, Does.Match("users/current[^}]*\"statusCode\": 503"), "the injected 503 is in the journal");
        });
    }
}
