using System.Net;
using RestSharp;

namespace FakeBaseSpace.Tests;

/// <summary>AppResults: created in the output project, linked to the AppSession by query or by body.</summary>
public sealed class AppResultTests : FakeTest
{
    private object Body(string name) => new
    {
        Name = name, Description = "made by a test",
        References = new[] { new { Rel = "using", Type = "Sample", HrefContent = $"v1pre3/samples/{Ada.Sample.Id}" } },
    };

    [Test]
    public void Linked_by_the_appsessionid_query()
    {
        var (launch, token) = LaunchWithToken(Ada);
        var result = Ok(PostJson($"projects/{Ada.Project.Id}/appresults?appsessionid={launch.AppSessionId}", token, Body("By query")), 201);
        Assert.That(result.GetProperty("AppSession").GetProperty("Id").GetString(), Is.EqualTo(launch.AppSessionId));
        Assert.That(result.GetProperty("Href").GetString(), Is.EqualTo($"v1pre3/appresults/{result.GetProperty("Id").GetString()}"));
        var reference = result.GetProperty("References")[0];
        Assert.That(reference.GetProperty("Rel").GetString(), Is.EqualTo("using"));
        Assert.That(reference.GetProperty("Content").GetProperty("Id").GetString(), Is.EqualTo(Ada.Sample.Id));
        Assert.That(State.GetAppSession(launch.AppSessionId).AppResultIds, Is.EqualTo(new[] { result.GetProperty("Id").GetString() }));
    }

    [Test]
    public void Linked_by_HrefAppSession_in_the_body()
    {
        var (launch, token) = LaunchWithToken(Ada);
        var result = Ok(PostJson($"projects/{Ada.Project.Id}/appresults", token,
            new { Name = "By body", HrefAppSession = launch.AppSessionUri }), 201);
        Assert.That(result.GetProperty("AppSession").GetProperty("Id").GetString(), Is.EqualTo(launch.AppSessionId));
    }

    [Test]
    public void What_an_app_wrote_back_can_be_read_from_the_state()
    {
        var (launch, token) = LaunchWithToken(Ada);
        var id = Ok(PostJson($"projects/{Ada.Project.Id}/appresults?appsessionid={launch.AppSessionId}", token, Body("Snapshot")), 201)
            .GetProperty("Id").GetString()!;
        Ok(PostJson($"appresults/{id}/properties", token, new
        {
            Properties = new[] { new { Type = "sample[]", Name = "Input.Samples", Items = new[] { $"v1pre3/samples/{Ada.Sample.Id}" } } },
        }), 201);
        Ok(PostJson($"appsessions/{launch.AppSessionId}/properties", token, new
        {
            Properties = new[] { new { Type = "appresult[]", Name = "Output.AppResults", Items = new[] { $"appresults/{id}" } } },
        }), 201);

        var result = State.AppResultsIn(Ada.Project.Id).Single(r => r.Id == id);
        var session = State.GetAppSession(launch.AppSessionId);
        Assert.Multiple(() =>
        {
            Assert.That(result.AppSessionId, Is.EqualTo(launch.AppSessionId));
            Assert.That(result.References, Is.EqualTo(new[] { new ReferenceSnapshot("using", $"v1pre3/samples/{Ada.Sample.Id}") }));
            Assert.That(result.Properties.Single().Values, Is.EqualTo(new[] { $"v1pre3/samples/{Ada.Sample.Id}" }));
            Assert.That(session.Properties.Single(p => p.Name == "Output.AppResults").Values, Is.EqualTo(new[] { result.Href }));
            Assert.That(session.Properties.Select(p => p.Name), Does.Contain("Input.sample-id"));
        });
    }

    [Test]
    public void Without_an_AppSession_a_new_one_is_made()
    {
        var (launch, token) = LaunchWithToken(Ada);
        var result = Ok(PostJson($"projects/{Ada.Project.Id}/appresults", token, new { Name = "Orphan" }), 201);
        var sessionId = result.GetProperty("AppSession").GetProperty("Id").GetString()!;
        Assert.That(sessionId, Is.Not.EqualTo(launch.AppSessionId));
        Assert.That(State.GetAppSession(sessionId).AppResultIds, Has.Count.EqualTo(1));
    }

    [Test]
    public void Results_are_listed_by_session_and_by_project_and_read_by_id()
    {
        var (launch, token) = LaunchWithToken(Ada);
        var id = Ok(PostJson($"projects/{Ada.Project.Id}/appresults?appsessionid={launch.AppSessionId}", token, Body("Listed")), 201)
            .GetProperty("Id").GetString();
        Assert.That(Ok(Get($"appsessions/{launch.AppSessionId}/appresults", token)).GetProperty("Items")[0].GetProperty("Id").GetString(), Is.EqualTo(id));
        var byProject = Ok(Get($"projects/{Ada.Project.Id}/appresults?Limit=1024", token)).GetProperty("Items").EnumerateArray();
        Assert.That(byProject.Select(r => r.GetProperty("Id").GetString()), Does.Contain(id));
        Assert.That(Ok(Get($"appresults/{id}", token)).GetProperty("Name").GetString(), Is.EqualTo("Listed"));
    }

    [Test]
    public void Statuses_filters_by_the_sessions_status()
    {
        var (launch, token) = LaunchWithToken(Ada);
        var id = Ok(PostJson($"projects/{Ada.Project.Id}/appresults?appsessionid={launch.AppSessionId}", token, Body("Filtered")), 201)
            .GetProperty("Id").GetString();
        Ok(PostJson($"appsessions/{launch.AppSessionId}", token, new { Status = "Aborted", StatusSummary = "stop" }));
        var aborted = Ok(Get($"projects/{Ada.Project.Id}/appresults?Statuses=aborted&Limit=1024", token)).GetProperty("Items").EnumerateArray();
        Assert.That(aborted.Select(r => r.GetProperty("Id").GetString()), Does.Contain(id));
        var running = Ok(Get($"projects/{Ada.Project.Id}/appresults?Statuses=Running&Limit=1024", token)).GetProperty("Items").EnumerateArray();
        Assert.That(running.Select(r => r.GetProperty("Id").GetString()), Does.Not.Contain(id));
    }

    [Test]
    public void AppResults_that_reference_each_other_are_still_rendered()
    {
        var (launch, token) = LaunchWithToken(Ada);
        var first = Ok(PostJson($"projects/{Ada.Project.Id}/appresults?appsessionid={launch.AppSessionId}", token, Body("First")), 201)
            .GetProperty("Id").GetString();
        var second = Ok(PostJson($"projects/{Ada.Project.Id}/appresults?appsessionid={launch.AppSessionId}", token, new
        {
            Name = "Second", References = new[] { new { Rel = "using", Type = "AppResult", HrefContent = $"v1pre3/appresults/{first}" } },
        }), 201).GetProperty("Id").GetString();
        Ok(PostJson($"appresults/{first}/properties", token, new
        {
            Properties = new[] { new { Type = "appresult[]", Name = "Input.AppResults", Items = new[] { $"v1pre3/appresults/{second}", $"v1pre3/appresults/{first}" } } },
        }), 201);
        var rendered = Ok(Get($"appresults/{second}", token));
        var referenced = rendered.GetProperty("References")[0].GetProperty("Content");
        Assert.That(referenced.GetProperty("Id").GetString(), Is.EqualTo(first));
        Assert.That(Ok(Get($"appresults/{first}", token)).GetProperty("Properties").GetProperty("Items")[0]
            .GetProperty("Items")[0].GetProperty("Id").GetString(), Is.EqualTo(second));
    }

    [Test]
    public void No_new_results_in_a_frozen_session()
    {
        var (launch, token) = LaunchWithToken(Ada);
        Ok(PostJson($"appsessions/{launch.AppSessionId}", token, new { Status = "Complete", StatusSummary = "done" }));
        var late = PostJson($"projects/{Ada.Project.Id}/appresults?appsessionid={launch.AppSessionId}", token, Body("Late"));
        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public void Creating_needs_create_on_the_project()
    {
        var browseOnly = TokenWithScopes(Ada, $"read project {Ada.Project.Id}");
        var response = PostJson($"projects/{Ada.Project.Id}/appresults", browseOnly, new { Name = "No scope" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(State.Journal.Entries().Last(e => e.Path.Contains("/appresults") && e.StatusCode == 403).RequiredScope,
            Is.EqualTo($"create project {Ada.Project.Id}"));
    }

    [Test]
    public void Projects_are_created_or_returned_by_name()
    {
        var token = TokenWithScopes(Ada, "create projects, browse global");
        var first = Ok(Send(Method.Post, "projects/", token, r => r.AddJsonBody(new { Name = "Results Project" })), 201);
        var second = Ok(Send(Method.Post, "projects", token, r => r.AddParameter("name", "Results Project")));
        Assert.That(second.GetProperty("Id").GetString(), Is.EqualTo(first.GetProperty("Id").GetString()));
        Assert.That(first.GetProperty("UserOwnedBy").GetProperty("Id").GetString(), Is.EqualTo(Ada.User.Id));
    }
}
