using System.Net;
using System.Text;
using System.Text.Json;
using RestSharp;

namespace FakeBaseSpace.Tests;

/// <summary>AppSessions: what a launched app reads, and the status rules it must follow.</summary>
public sealed class AppSessionTests : FakeTest
{
    [Test]
    public void A_launched_session_carries_its_inputs_application_user_and_origin()
    {
        var (launch, token) = LaunchWithToken(Ada);
        var session = Ok(Get($"appsessions/{launch.AppSessionId}", token));
        Assert.That(session.GetProperty("Status").GetString(), Is.EqualTo("Running"));
        Assert.That(session.GetProperty("Href").GetString(), Is.EqualTo(launch.AppSessionUri));
        Assert.That(session.GetProperty("Application").GetProperty("Name").GetString(), Is.EqualTo(App.Name));
        Assert.That(session.GetProperty("Application").GetProperty("VersionNumber").GetString(), Is.EqualTo("1.2.3"));
        Assert.That(session.GetProperty("UserCreatedBy").GetProperty("Id").GetString(), Is.EqualTo(Ada.User.Id));
        Assert.That(session.GetProperty("OriginatingUri").GetString(), Is.EqualTo($"{Server.WebUrl}/projects/{Ada.Project.Id}"));

        var references = session.GetProperty("References").EnumerateArray().ToArray();
        Assert.That(references.Select(r => r.GetProperty("Rel").GetString()), Is.All.EqualTo("Input"));
        Assert.That(references.Select(r => r.GetProperty("Content").ValueKind), Is.All.EqualTo(JsonValueKind.Object));
        Assert.That(references.Select(r => r.GetProperty("Href").GetString()),
            Is.EquivalentTo(new[] { $"v1pre3/samples/{Ada.Sample.Id}", $"v1pre3/projects/{Ada.Project.Id}" }));

        var properties = session.GetProperty("Properties").GetProperty("Items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("Name").GetString()!, p => p);
        Assert.That(properties["Input.sample-id"].GetProperty("Type").GetString(), Is.EqualTo("sample"));
        Assert.That(properties["Input.sample-id"].GetProperty("Content").GetProperty("Id").GetString(), Is.EqualTo(Ada.Sample.Id));
        Assert.That(properties["Input.project-id"].GetProperty("Type").GetString(), Is.EqualTo("project"));
        Assert.That(properties["Input.project-id"].GetProperty("Content").GetProperty("Id").GetString(), Is.EqualTo(Ada.Project.Id));
        Assert.That(properties["Input.app-session-name"].GetProperty("Content").GetString(), Is.EqualTo(session.GetProperty("Name").GetString()));
    }

    [Test]
    public void The_trigger_url_carries_the_session_uri_and_the_code()
    {
        var launch = Launch(Ada);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(launch.TriggerUrl).Query);
        Assert.That(launch.TriggerUrl, Does.StartWith($"{App.LaunchUrl}?action=trigger&appsessionuri=v1pre3/appsessions/{launch.AppSessionId}&authorization_code="));
        Assert.That(query["action"], Is.EqualTo("trigger"));
        Assert.That(query["appsessionuri"], Is.EqualTo(launch.AppSessionUri));
        Assert.That(query["authorization_code"], Is.EqualTo(launch.AuthorizationCode));
    }

    [Test]
    public void The_owning_app_may_read_its_session_with_http_basic()
    {
        var launch = Launch(Ada);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{App.ClientId}:{App.ClientSecret}"));
        var session = Ok(Send(Method.Get, $"appsessions/{launch.AppSessionId}", build: r => r.AddHeader("Authorization", "Basic " + basic)));
        Assert.That(session.GetProperty("Id").GetString(), Is.EqualTo(launch.AppSessionId));
    }

    [Test]
    public void Status_is_set_with_a_json_body_and_recorded_in_the_history()
    {
        var (launch, token) = LaunchWithToken(Ada);
        var session = Ok(PostJson($"appsessions/{launch.AppSessionId}", token, new { Status = "NeedsAttention", StatusSummary = "check input" }));
        Assert.That(session.GetProperty("Status").GetString(), Is.EqualTo("NeedsAttention"));
        var snapshot = State.GetAppSession(launch.AppSessionId);
        Assert.That(snapshot.History.Select(h => h.Status), Is.EqualTo(new[] { "Running", "NeedsAttention" }));
        Assert.That(snapshot.History[^1].StatusSummary, Is.EqualTo("check input"));
    }

    [Test]
    public void Status_is_set_with_a_form_body_in_any_letter_case()
    {
        var (launch, token) = LaunchWithToken(Ada);
        var response = Send(Method.Post, $"appsessions/{launch.AppSessionId}", token,
            r => r.AddParameter("status", "complete").AddParameter("statussummary", "All done"));
        Assert.That(Ok(response).GetProperty("Status").GetString(), Is.EqualTo("Complete"));
        var snapshot = State.GetAppSession(launch.AppSessionId);
        Assert.That(snapshot.StatusSummary, Is.EqualTo("All done"));
        Assert.That(snapshot.DateCompleted, Is.Not.Null);
        Assert.That(Ok(Get($"appsessions/{launch.AppSessionId}", token)).GetProperty("DateCompleted").GetString(), Does.Match(@"\.\d{7}$"));
    }

    [TestCase("Complete")]
    [TestCase("Aborted")]
    public void A_final_status_freezes_the_session(string final)
    {
        var (launch, token) = LaunchWithToken(Ada);
        Ok(PostJson($"appsessions/{launch.AppSessionId}", token, new { status = final, statussummary = "final" }));
        var again = PostJson($"appsessions/{launch.AppSessionId}", token, new { status = "Running", statussummary = "back again" });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(State.GetAppSession(launch.AppSessionId).Status, Is.EqualTo(final));
        Assert.That(State.GetAppSession(launch.AppSessionId).History, Has.Count.EqualTo(2));
    }

    [Test]
    public void An_unknown_status_is_refused()
    {
        var (launch, token) = LaunchWithToken(Ada);
        Assert.That(PostJson($"appsessions/{launch.AppSessionId}", token, new { Status = "Finished" }).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public void An_unknown_session_is_404()
    {
        var (_, token) = LaunchWithToken(Ada);
        Assert.That(Get("appsessions/424242", token).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public void The_user_lists_this_apps_sessions_only_filtered_by_status()
    {
        var other = RegisterApp("Lister Other");
        var otherLaunch = Launch(Ada, other);
        var (launch, token) = LaunchWithToken(Ada);
        Ok(PostJson($"appsessions/{launch.AppSessionId}", token, new { Status = "TimedOut", StatusSummary = "slow" }));
        var ids = Ok(Get("users/current/appsessions?Statuses=timedout&Limit=1024", token)).GetProperty("Items").EnumerateArray()
            .Select(s => s.GetProperty("Id").GetString()).ToArray();
        Assert.That(ids, Does.Contain(launch.AppSessionId).And.Not.Contain(otherLaunch.AppSessionId));
        Assert.That(Ok(Get("users/current/appsessions?Statuses=Complete&Limit=1024", token)).GetProperty("Items").EnumerateArray()
            .Select(s => s.GetProperty("Id").GetString()), Does.Not.Contain(launch.AppSessionId));
    }

    [Test]
    public void Log_files_are_uploaded_to_the_sessions_log_set_and_read_back()
    {
        var (launch, token) = LaunchWithToken(Ada);
        var logs = Ok(Send(Method.Post, $"appsessions/{launch.AppSessionId}/logs", token), 201);
        var hrefLogs = Ok(Get($"appsessions/{launch.AppSessionId}", token)).GetProperty("HrefLogs").GetString()!;
        Assert.That(Ok(Get(hrefLogs["v1pre3/".Length..], token)).GetProperty("HrefFiles").GetString(), Is.EqualTo(logs.GetProperty("HrefFiles").GetString()));
        var hrefFiles = logs.GetProperty("HrefFiles").GetString()!;
        var bytes = Encoding.UTF8.GetBytes("step 1 ok\nstep 2 ok\n");
        var file = Ok(Send(Method.Post, hrefFiles["v1pre3/".Length..] + "?name=run.log", token, r => r.AddBody(bytes, ContentType.Plain)), 201);
        Assert.That(Get($"files/{file.GetProperty("Id").GetString()}/content", token).RawBytes, Is.EqualTo(bytes));
        Assert.That(Ok(Get(hrefFiles["v1pre3/".Length..], token)).GetProperty("TotalCount").GetInt32(), Is.EqualTo(1));
        var (_, benToken) = LaunchWithToken(Ben);
        Assert.That(Get($"files/{file.GetProperty("Id").GetString()}/content", benToken).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
