using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using NUnit.Framework;

namespace ConformanceHarness.Tests;

/// <summary>`conform fake`: the dev server a developer codes against, reached as their app would reach it.</summary>
[TestFixture, Parallelizable(ParallelScope.Children)]
public sealed class FakeDevServerTests
{
    [TestCase("INT")]
    [TestCase("TERM")]
    public async Task ServesUntilSignalledThenExitsCleanly(string signal)
    {
        var folder = Directory.CreateTempSubdirectory("conform-fake-").FullName;
        var infoPath = Path.Combine(folder, "info.json");
        using var run = ConformProcess.Start("fake", "--info", infoPath);
        await WaitForFileAsync(infoPath, run, TimeSpan.FromMinutes(1));
        using var info = JsonDocument.Parse(File.ReadAllText(infoPath));
        var root = info.RootElement;
        var apiUrl = root.GetProperty("apiUrl").GetString()!;
        var webUrl = root.GetProperty("webUrl").GetString()!;
        var user = root.GetProperty("users")[0];

        using var http = ClientTrustingOnly(root.GetProperty("caFile").GetString()!);
        using var me = new HttpRequestMessage(HttpMethod.Get, apiUrl + "/users/current");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.GetProperty("accessToken").GetString());
        using var meResponse = await http.SendAsync(me);
        var meBody = await meResponse.Content.ReadAsStringAsync();
        using var appSession = new HttpRequestMessage(HttpMethod.Get, $"{apiUrl}/appsessions/{user.GetProperty("appSessionId").GetString()}");
        appSession.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.GetProperty("accessToken").GetString());
        using var appSessionResponse = await http.SendAsync(appSession);
        using var front = await http.GetAsync(webUrl + "/");

        Assert.Multiple(() =>
        {
            Assert.That(apiUrl, Does.EndWith("/v1pre3"));
            Assert.That(root.GetProperty("clientId").GetString(), Is.Not.Empty);
            Assert.That(root.GetProperty("clientSecret").GetString(), Is.Not.Empty);
            Assert.That((int)meResponse.StatusCode, Is.EqualTo(200), meBody);
            Assert.That(meBody, Does.Contain(user.GetProperty("name").GetString()!));
            Assert.That((int)appSessionResponse.StatusCode, Is.EqualTo(200));
            Assert.That((int)front.StatusCode, Is.EqualTo(200));
            foreach (var field in new[] { "id", "name", "email", "accessToken", "projectId", "sampleId", "appSessionId" })
                Assert.That(user.TryGetProperty(field, out _), Is.True, $"users[0].{field}");
        });

        run.Signal(signal);
        var result = await run.FinishAsync(TimeSpan.FromSeconds(30), null);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        using var probe = new TcpClient();
        Assert.That(() => probe.Connect("127.0.0.1", new Uri(apiUrl).Port), Throws.InstanceOf<SocketException>(), "the fake still listens after SIGTERM");
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>An HTTP client that trusts the fake's CA and nothing else, as an app given BASESPACE_CA_FILE does.</summary>
    private static HttpClient ClientTrustingOnly(string caFile)
    {
        var ca = X509CertificateLoader.LoadCertificateFromFile(caFile);
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                if (certificate is null) return false;
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate);
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
    }

    private static async Task WaitForFileAsync(string path, RunningConform run, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!File.Exists(path))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"conform fake wrote no {path}:\n{run.Output}");
            await Task.Delay(100);
        }
    }
}
