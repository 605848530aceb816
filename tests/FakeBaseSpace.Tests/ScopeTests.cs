using System.Net;
using RestSharp;

namespace FakeBaseSpace.Tests;

/// <summary>The scope grammar and implication table, and their enforcement on every call.</summary>
public sealed class ScopeTests : FakeTest
{
    [TestCase("read project 12", "browse project 12", true)]
    [TestCase("read project 12", "read project 12", true)]
    [TestCase("browse project 12", "read project 12", false)]
    [TestCase("write project 12", "create project 12", true)]
    [TestCase("write project 12", "read project 12", true)]
    [TestCase("write project 12", "browse project 12", true)]
    [TestCase("create project 12", "write project 12", false)]
    [TestCase("read project 12", "read project 13", false)]
    [TestCase("read global", "read project 99", true)]
    [TestCase("browse global", "read project 99", false)]
    [TestCase("create projects", "create projects", true)]
    [TestCase("READ Project 12", "read project 12", true)]
    public void Implication(string held, string needed, bool allowed)
    {
        var scopes = ScopeSet.TryParse(held)!;
        Assert.That(scopes.Allows(Scope.TryParse(needed)!), Is.EqualTo(allowed));
    }

    [Test]
    public void Several_scopes_are_joined_by_commas()
    {
        var scopes = ScopeSet.TryParse("browse global, read project 1,write project 2")!;
        Assert.That(scopes.Names, Is.EqualTo(new[] { "browse global", "read project 1", "write project 2" }));
    }

    [TestCase("fly project 1")]
    [TestCase("read")]
    [TestCase("read galaxy")]
    public void Malformed_scopes_do_not_parse(string text) => Assert.That(ScopeSet.TryParse(text), Is.Null);

    [TestCase("READ PROJECT {project},Browse Global")]
    [TestCase("read project {project} , browse global")]
    [TestCase("Read Project {project},  BROWSE global")]
    public void Requested_scopes_match_in_any_case_joined_by_commas_with_or_without_spaces(string requested)
    {
        var token = TokenWithScopes(Ada, Fill(requested, Ids(Ada)));
        var file = Ok(Get($"samples/{Ada.Sample.Id}/files", token)).GetProperty("Items")[0].GetProperty("Id").GetString();
        Assert.That(Get($"files/{file}/content", token).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Ok(Get("oauthv2/token/current", token)).GetProperty("Scopes").EnumerateArray().Select(e => e.GetString()),
            Is.EquivalentTo(new[] { $"read project {Ada.Project.Id}", "browse global" }));
    }

    [Test]
    public void The_device_flow_takes_scopes_in_any_case_and_comma_joined()
    {
        var response = Client.Execute(new RestRequest(Api("oauthv2/deviceauthorization"), Method.Post)
            .AddParameter("client_id", App.ClientId).AddParameter("scope", "Browse Global,CREATE PROJECTS")
            .AddParameter("response_type", "device_code"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), response.Content);
    }

    [Test]
    public void Create_on_a_project_allows_creating_AppResults_in_it_but_not_browsing_it()
    {
        var token = TokenWithScopes(Ada, $"create project {Ada.Project.Id}");
        Assert.That((int)PostJson($"projects/{Ada.Project.Id}/appresults", token, new { Name = "Created" }).StatusCode, Is.EqualTo(201));
        Assert.That(Get($"samples/{Ada.Sample.Id}/files", token).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public void A_launch_code_reads_the_input_project_and_writes_the_output_project()
    {
        var (launch, token) = LaunchWithToken(Ada);
        Ok(Get($"users/current", token));
        var held = State.Journal.Entries().Last(e => e.Path.EndsWith("users/current") && e.AppSessionId is null && e.StatusCode == 200).HeldScopes;
        Assert.That(held, Is.EquivalentTo(new[] { $"read project {Ada.Project.Id}", $"write project {Ada.Project.Id}" }));
        Assert.That(launch.AppSessionUri, Is.EqualTo($"v1pre3/appsessions/{launch.AppSessionId}"));
    }

    [Test]
    public void A_token_without_the_scope_is_403_and_the_journal_names_the_scope_needed()
    {
        var token = TokenWithScopes(Ada, $"browse project {Ada.Project.Id}");
        var file = Ok(Get($"samples/{Ada.Sample.Id}/files", token)).GetProperty("Items")[0].GetProperty("Id").GetString();
        var response = Get($"files/{file}/content", token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var entry = State.Journal.Entries().Last(e => e.Path.EndsWith($"files/{file}/content"));
        Assert.That(entry.RequiredScope, Is.EqualTo($"read project {Ada.Project.Id}"));
        Assert.That(entry.HeldScopes, Is.EqualTo(new[] { $"browse project {Ada.Project.Id}" }));
        Assert.That(entry.StatusCode, Is.EqualTo(403));
        Assert.That(ErrorCode(response), Is.EqualTo("BASESPACE.AUTH.INSUFFICIENT_SCOPE"));
    }

    [Test]
    public void An_empty_scope_gives_basic_user_information_only()
    {
        var token = TokenWithScopes(Ada, "");
        Assert.That(Get("users/current", token).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Get($"projects/{Ada.Project.Id}", token).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(Ok(Get("users/current/projects", token)).GetProperty("Items").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void Creating_a_project_needs_create_projects()
    {
        var without = TokenWithScopes(Ada, "read global");
        Assert.That(PostJson("projects", without, new { Name = "Nope" }).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var with = TokenWithScopes(Ada, "create projects");
        var created = Ok(PostJson("projects", with, new { Name = "Scoped Project" }), 201);
        Assert.That(created.GetProperty("Name").GetString(), Is.EqualTo("Scoped Project"));
    }

    [Test]
    public void Global_read_covers_every_project_of_the_user()
    {
        var token = TokenWithScopes(Ada, "read global");
        Assert.That(Get($"projects/{Ada.Project.Id}", token).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var file = Ok(Get($"samples/{Ada.Sample.Id}/files", token)).GetProperty("Items")[0].GetProperty("Id").GetString();
        Assert.That(Get($"files/{file}/content", token).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void A_scope_on_a_sample_reaches_that_sample_and_its_files_only()
    {
        var token = TokenWithScopes(Ada, $"read sample {Ada.Sample.Id}");
        Assert.That(Get($"samples/{Ada.Sample.Id}", token).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var file = Ok(Get($"samples/{Ada.Sample.Id}/files", token)).GetProperty("Items")[0].GetProperty("Id").GetString();
        Assert.That(Get($"files/{file}/content", token).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Get($"projects/{Ada.Project.Id}", token).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(Get($"samples/{Ben.Sample.Id}", TokenWithScopes(Ada, $"read sample {Ben.Sample.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public void A_scope_on_an_AppResult_allows_writing_to_it()
    {
        var (launch, launchToken) = LaunchWithToken(Ada);
        var id = Ok(PostJson($"projects/{Ada.Project.Id}/appresults?appsessionid={launch.AppSessionId}", launchToken, new { Name = "Scoped" }), 201)
            .GetProperty("Id").GetString();
        var token = TokenWithScopes(Ada, $"write appresult {id}");
        Assert.That((int)Send(Method.Post, $"appresults/{id}/files?name=a.txt", token, r => r.AddBody("a", ContentType.Plain)).StatusCode, Is.EqualTo(201));
        Assert.That(Get($"projects/{Ada.Project.Id}/appresults", token).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
