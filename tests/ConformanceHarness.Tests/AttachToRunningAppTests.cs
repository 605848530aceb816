using ConformanceHarness.Apps;
using ConformanceHarness.Profiles;
using FakeBaseSpace.Tls;
using ConformanceHarness.SelfTest;
using NUnit.Framework;

namespace ConformanceHarness.Tests;

/// <summary>
/// A profile without `start`: the app is already running, configured with the fake's fixed coordinates
/// (ports and client credentials from the profile's `fake:` section), as a developer would run it.
/// </summary>
[TestFixture]
public sealed class AttachToRunningAppTests
{
    [Test]
    public async Task CertifiesAnAppThatIsAlreadyRunning()
    {
        var folder = Directory.CreateTempSubdirectory("conform-attach-").FullName;
        int apiPort = AppProcess.FreeLoopbackPort(), webPort = AppProcess.FreeLoopbackPort(), appPort = AppProcess.FreeLoopbackPort();
        const string clientId = "attach-test-app", clientSecret = "attach-test-secret-0123456789";
        var ca = TestCertificateAuthority.LoadOrCreate(RunSettings.DefaultStateDirectory());
        var certFile = Path.Combine(folder, "app.crt.pem");
        var keyFile = Path.Combine(folder, "app.key.pem");
        TestCertificateAuthority.WritePem(ca.IssueServerCertificate(), certFile, keyFile);
        var environment = new AppEnvironment($"https://127.0.0.1:{apiPort}/v1pre3", $"https://127.0.0.1:{webPort}", clientId, clientSecret,
            ca.CaPemPath, appPort, $"https://127.0.0.1:{appPort}", certFile, keyFile);
        var start = new StartSection("dotnet bin/app/ReferenceApp.dll", ".", new Dictionary<string, string>(), "/health", 60);

        using var app = AppProcess.Start(start, ReferenceAppFlaws.AppFolder, environment.ToVariables(), Path.Combine(folder, "app.log"));
        await app.WaitUntilReadyAsync(new Uri($"https://127.0.0.1:{appPort}/health"), TimeSpan.FromSeconds(60), CancellationToken.None);
        var profile = Path.Combine(folder, "app.yaml");
        File.WriteAllText(profile, $"""
            app:
              name: Reference App
              version: 1.0.0
              url: https://127.0.0.1:{appPort}
            fake:
              apiPort: {apiPort}
              webPort: {webPort}
              clientId: {clientId}
              clientSecret: {clientSecret}
            timeouts:
              completeSeconds: 30
            """);
        var outDir = Path.Combine(folder, "out");

        var result = await ConformProcess.RunAsync(TimeSpan.FromMinutes(4), outDir, "certify", "--profile", profile, "--out", outDir);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
            Assert.That(result.CheckStatuses, Is.Not.Empty, result.Output);
            Assert.That(result.CheckStatuses.Values, Is.All.EqualTo("pass"), result.Output);
            Assert.That(app.HasExited, Is.False, "the harness must leave an app it did not start running");
        });
        app.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
