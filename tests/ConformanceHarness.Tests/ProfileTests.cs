using ConformanceHarness.Profiles;
using NUnit.Framework;

namespace ConformanceHarness.Tests;

/// <summary>The profile contract: what is read, and how a bad profile is refused (naming the key and line).</summary>
[TestFixture, Parallelizable(ParallelScope.Children)]
public sealed class ProfileTests
{
    private static string Write(string name, string text)
    {
        var folder = Path.Combine(Path.GetTempPath(), "conform-profile-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void ReadsYamlWithDefaults()
    {
        var profile = ProfileLoader.Load(Write("app.yaml", """
            app:
              name: Example App
              version: 1.4.0
              url: https://127.0.0.1:8443
            """));
        Assert.Multiple(() =>
        {
            Assert.That(profile.App.Name, Is.EqualTo("Example App"));
            Assert.That(profile.App.Version, Is.EqualTo("1.4.0"));
            Assert.That(profile.App.Url, Is.EqualTo(new Uri("https://127.0.0.1:8443")));
            Assert.That(profile.App.LaunchPath, Is.EqualTo("/launch"));
            Assert.That(profile.App.Start, Is.Null);
            Assert.That(profile.Timeouts.CompleteSeconds, Is.EqualTo(120));
        });
    }

    [Test]
    public void ReadsJsonWithStart()
    {
        var profile = ProfileLoader.Load(Write("app.json", """
            { "app": { "name": "J", "version": "2", "launchPath": "/go",
                       "start": { "command": "run-it", "workdir": "sub", "env": { "A": "1" }, "readyPath": "/ready", "readySeconds": 9 } },
              "timeouts": { "completeSeconds": 30 } }
            """));
        Assert.Multiple(() =>
        {
            Assert.That(profile.App.LaunchPath, Is.EqualTo("/go"));
            Assert.That(profile.App.Start!.Command, Is.EqualTo("run-it"));
            Assert.That(profile.App.Start.WorkingDirectory, Is.EqualTo("sub"));
            Assert.That(profile.App.Start.Environment["A"], Is.EqualTo("1"));
            Assert.That(profile.App.Start.ReadyPath, Is.EqualTo("/ready"));
            Assert.That(profile.App.Start.ReadySeconds, Is.EqualTo(9));
            Assert.That(profile.Timeouts.CompleteSeconds, Is.EqualTo(30));
        });
    }

    [Test]
    public void ReadsFaultsToInject()
    {
        var profile = ProfileLoader.Load(Write("app.yaml", """
            app: { name: A, url: "https://127.0.0.1:1" }
            faults:
              - path: ^/v1pre3/users/current$
                method: get
                status: 503
                retryAfterSeconds: 2
                times: 1
              - origin: web
                path: ^/oauth/
                latencyMs: 1500
            """));
        Assert.Multiple(() =>
        {
            Assert.That(profile.Faults, Has.Count.EqualTo(2));
            Assert.That(profile.Faults[0].Origin, Is.EqualTo("api"));
            Assert.That(profile.Faults[0].Method, Is.EqualTo("GET"));
            Assert.That(profile.Faults[0].StatusCode, Is.EqualTo(503));
            Assert.That(profile.Faults[0].RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(profile.Faults[0].Times, Is.EqualTo(1));
            Assert.That(profile.Faults[1].Origin, Is.EqualTo("web"));
            Assert.That(profile.Faults[1].Latency, Is.EqualTo(TimeSpan.FromMilliseconds(1500)));
        });
    }

    [TestCase("app:\n  name: A\n  url: https://127.0.0.1:1\nfaults:\n  - path: '(('\n    status: 500\n", "faults[0].path", ":5:")]
    [TestCase("app:\n  name: A\n  url: https://127.0.0.1:1\nfaults:\n  - path: x\n", "faults[0]", ":5:")]
    [TestCase("app:\n  name: A\n  url: https://127.0.0.1:1\nfaults:\n  - path: x\n    origin: db\n    status: 500\n", "faults[0].origin", ":6:")]
    [TestCase("app:\n  name: A\n  url: https://127.0.0.1:1\n  colour: red\n", "app.colour", ":4:")]
    [TestCase("app:\n  name: A\n  url: https://127.0.0.1:1\ntimeouts:\n  completeSeconds: soon\n", "timeouts.completeSeconds", ":5:")]
    [TestCase("app:\n  name: A\n", "app.url", ":1:")]
    [TestCase("app:\n  name: A\n  url: not a url\n", "app.url", ":3:")]
    [TestCase("app:\n  name: A\n  start:\n    workdir: .\n", "app.start.command", ":4:")]
    [TestCase("app:\n  name: [1, 2]\n  url: https://127.0.0.1:1\n", "app.name", ":2:")]
    [TestCase("app:\n  name: A\n  url: https://127.0.0.1:1\nfake:\n  apiPort: 70000\n", "fake.apiPort", ":5:")]
    [TestCase("app:\n  name: A\n  url: https://127.0.0.1:1\nfake:\n  clientId: my app\n", "fake.clientId", ":5:")]
    public void RefusesBadProfileNamingKeyAndLine(string yaml, string key, string line)
    {
        var path = Write("bad.yaml", yaml);
        var error = Assert.Throws<ProfileException>(() => ProfileLoader.Load(path))!;
        Assert.That(error.Message, Does.Contain($"'{key}'").And.Contain(path + line));
    }

    [TestCase("app:\n  name: A\n  url: https://127.0.0.1:1\n  colour: red\n", "app.colour")]
    [TestCase("app:\n  name: A\n", "app.url")]
    [TestCase("app:\n  name: A\n  url: https://127.0.0.1:1\ntimeouts:\n  completeSeconds: [1]\n", "timeouts.completeSeconds")]
    public async Task CertifyExitsTwoOnABadProfileNamingTheKey(string yaml, string key)
    {
        var path = Write("bad.yaml", yaml);
        var result = await ConformProcess.RunAsync(TimeSpan.FromMinutes(1), null, "certify", "--profile", path);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Output);
            Assert.That(result.Output, Does.Contain($"'{key}'"));
        });
    }
}
