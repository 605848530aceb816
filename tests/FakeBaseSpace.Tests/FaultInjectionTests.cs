using System.Diagnostics;
using System.Net;
using RestSharp;

namespace FakeBaseSpace.Tests;

/// <summary>Injected faults: latency, error statuses with Retry-After, dropped connections, limited repeats.</summary>
public sealed class FaultInjectionTests : FakeTest
{
    private string _token = null!;

    [OneTimeSetUp]
    public void Token() => _token = LaunchWithToken(Ada).Token;

    [TearDown]
    public void ClearFaults() => Server.Faults.Clear();

    [Test]
    public void Latency_delays_the_real_answer()
    {
        Server.Faults.Add(new Fault { Origin = "api", PathPattern = "^/v1pre3/users/current$", Latency = TimeSpan.FromMilliseconds(400) });
        var clock = Stopwatch.StartNew();
        var response = Get("users/current", _token);
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(400)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void A_removed_fault_no_longer_applies()
    {
        var fault = new Fault { Origin = "api", PathPattern = "^/v1pre3/users/current$", StatusCode = 500 };
        Server.Faults.Add(fault);
        Assert.That((int)Get("users/current", _token).StatusCode, Is.EqualTo(500));
        Server.Faults.Remove(fault);
        Assert.That(Get("users/current", _token).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void A_429_carries_Retry_After_and_is_journaled()
    {
        Server.Faults.Add(new Fault { Origin = "api", PathPattern = "/samples/", StatusCode = 429, RetryAfter = TimeSpan.FromSeconds(3), Times = 1 });
        var limited = Get($"samples/{Ada.Sample.Id}", _token);
        Assert.That((int)limited.StatusCode, Is.EqualTo(429));
        Assert.That(limited.Headers!.First(h => h.Name == "Retry-After").Value, Is.EqualTo("3"));
        Assert.That(ErrorCode(limited), Is.EqualTo("BASESPACE.COMMON.INJECTED_FAULT"));
        Assert.That(State.Journal.Entries().Last(e => e.Path.Contains($"samples/{Ada.Sample.Id}")).StatusCode, Is.EqualTo(429));
        Assert.That(Get($"samples/{Ada.Sample.Id}", _token).StatusCode, Is.EqualTo(HttpStatusCode.OK), "Times = 1: the second call is served");
    }

    [Test]
    public void A_5xx_replaces_the_answer_for_the_matching_method_only()
    {
        Server.Faults.Add(new Fault { Origin = "api", Method = "POST", PathPattern = "^/v1pre3/appsessions/", StatusCode = 503 });
        var launch = Launch(Ada);
        var token = Trade(launch.AuthorizationCode);
        Assert.That(PostJson($"appsessions/{launch.AppSessionId}", token, new { Status = "Complete" }).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(Get($"appsessions/{launch.AppSessionId}", token).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(State.GetAppSession(launch.AppSessionId).Status, Is.EqualTo("Running"));
    }

    [Test]
    public void A_dropped_connection_gets_no_answer()
    {
        Server.Faults.Add(new Fault { Origin = "web", PathPattern = "^/$", DropConnection = true, Times = 1 });
        var response = Client.Execute(new RestRequest(Server.WebUrl + "/"));
        Assert.That(response.ResponseStatus, Is.EqualTo(ResponseStatus.Error));
        Assert.That(response.StatusCode, Is.EqualTo((HttpStatusCode)0));
        Assert.That(State.Journal.Entries().Last(e => e.Origin == "web" && e.Path == "/").StatusCode, Is.Zero);
    }
}
