using System.Net;

namespace FakeBaseSpace.Tests;

/// <summary>Many apps at once: every call answered, every call journaled.</summary>
public sealed class ConcurrencyTests : FakeTest
{
    [Test]
    public async Task Two_hundred_concurrent_calls_from_fifty_tokens_all_succeed_and_are_all_journaled()
    {
        var tokens = Enumerable.Range(0, 50).Select(i => LaunchWithToken(i % 2 == 0 ? Ada : Ben)).ToArray();
        using var http = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = Fake.TrustTestCa },
            MaxConnectionsPerServer = 64,
        });
        var paths = new[] { "users/current", "appsessions/{session}", "samples/{sample}/files", "projects/{project}" };
        var calls = Enumerable.Range(0, 200).Select(async i =>
        {
            var (launch, token) = tokens[i % tokens.Length];
            var tenant = State.GetAppSession(launch.AppSessionId).UserId == Ada.User.Id ? Ada : Ben;
            var path = Fill(paths[i % paths.Length], Ids(tenant, ("session", launch.AppSessionId)));
            using var request = new HttpRequestMessage(HttpMethod.Get, Api(path));
            request.Headers.Add("x-access-token", token);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(calls);

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
        var fingerprints = tokens.Select(t => SecretFingerprint.Of(t.Token)).ToHashSet();
        Assert.That(State.Journal.Entries().Count(e => e.TokenFingerprint is { } f && fingerprints.Contains(f) && e.Method == "GET"), Is.EqualTo(200));
    }
}
