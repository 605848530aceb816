using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace FakeBaseSpace.Tests;

/// <summary>
/// Throughput of the fake beside a bare WireMock.Net stub serving the same routes, in the same run: the ratio
/// is recorded (benchmark.json attachment and test output), not judged, since timings vary by machine. The
/// test fails only if a call fails.
/// </summary>
[Category("Benchmark")]
public sealed class ThroughputBenchmark : FakeTest
{
    private const int Calls = 1000;
    private const int Concurrency = 32;

    [Test]
    public async Task The_fake_is_measured_against_a_bare_stub()
    {
        var (launch, token) = LaunchWithToken(Ada);
        var paths = new[] { "users/current", $"appsessions/{launch.AppSessionId}", $"samples/{Ada.Sample.Id}/files", $"projects/{Ada.Project.Id}" };
        using var stub = StartBareStub(paths);

        var fake = await Measure(Server.ApiUrl, paths, token);
        var bare = await Measure(stub.Urls[0] + "/v1pre3", paths, token);
        var result = new { Calls, Concurrency, FakePerSecond = fake, BareStubPerSecond = bare, Ratio = fake / bare };
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "benchmark.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
        TestContext.AddTestAttachment(path, "fake vs bare WireMock.Net stub");
        await TestContext.Out.WriteLineAsync($"fake {fake:F0}/s, bare stub {bare:F0}/s, ratio {result.Ratio:F2}");
    }

    private static async Task<double> Measure(string baseUrl, string[] paths, string token)
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = Fake.TrustTestCa }, MaxConnectionsPerServer = Concurrency,
        });
        var next = 0;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= Calls)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"{baseUrl}/{paths[i % paths.Length]}");
                request.Headers.Add("x-access-token", token);
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref failures);
            }
        }));
        Assert.That(failures, Is.Zero, $"{baseUrl}: failed calls");
        return Calls / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The same routes answered by static JSON, with the same certificate kind and log bound.</summary>
    private static WireMockServer StartBareStub(string[] paths)
    {
        var certificate = Fake.Authority.IssueServerCertificate();
        var pfx = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "bench"));
        try
        {
            var stub = WireMockServer.Start(new WireMockServerSettings
            {
                Urls = ["https://127.0.0.1:0"], UseSSL = true, MaxRequestLogCount = 100,
                CertificateSettings = new WireMockCertificateSettings { X509CertificateFilePath = pfx, X509CertificatePassword = "bench" },
            });
            foreach (var path in paths)
                stub.Given(Request.Create().WithPath("/v1pre3/" + path).UsingGet())
                    .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                        .WithBody("""{"Response":{"Id":"1","Name":"stub"},"ResponseStatus":{},"Notifications":[]}"""));
            return stub;
        }
        finally
        {
            File.Delete(pfx);
        }
    }
}
