using System.Net;
using RestSharp;

namespace FakeBaseSpace.Tests;

/// <summary>The public dataset: every user may browse and read it; nobody may write to it.</summary>
public sealed class PublicDatasetTests : FakeTest
{
    private static Tenant Public => State.PublicDataset;

    [Test]
    public void It_is_not_a_tenant()
    {
        Assert.That(State.Tenants.Select(t => t.User.Id), Does.Not.Contain(Public.User.Id));
    }

    [Test]
    public void Every_user_reads_it_with_global_read()
    {
        foreach (var tenant in new[] { Ada, Ben })
        {
            var token = TokenWithScopes(tenant, "read global");
            var project = Ok(Get($"projects/{Public.Project.Id}", token));
            Assert.That(project.GetProperty("Name").GetString(), Is.EqualTo("Public Dataset"));
            Assert.That(project.GetProperty("Permissions").GetProperty("Write").GetBoolean(), Is.False);
            var file = Ok(Get($"samples/{Public.Sample.Id}/files", token)).GetProperty("Items")[0].GetProperty("Id").GetString();
            Assert.That(Get($"files/{file}/content", token).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public void It_is_listed_among_the_users_projects()
    {
        var names = Ok(Get("users/current/projects", TokenWithScopes(Ben, "browse global"))).GetProperty("Items").EnumerateArray()
            .Select(p => p.GetProperty("Name").GetString());
        Assert.That(names, Does.Contain("Public Dataset").And.Contain("Ben Project").And.Not.Contain("Ada Project"));
    }

    [Test]
    public void Nobody_writes_to_it_even_with_write_scopes()
    {
        var token = TokenWithScopes(Ada, $"write project {Public.Project.Id}, write global");
        Assert.That(PostJson($"projects/{Public.Project.Id}/appresults", token, new { Name = "Vandal" }).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var property = PostJson($"samples/{Public.Sample.Id}/properties", token,
            new { Properties = new[] { new { Type = "string", Name = "Test.Vandal", Content = "x" } } });
        Assert.That(property.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var upload = Send(Method.Post, $"samples/{Public.Sample.Id}/files?name=x.txt", token, r => r.AddBody("x", ContentType.Plain));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public void An_app_may_be_launched_on_a_public_sample_and_reference_it()
    {
        var launch = State.LaunchApp(App, Ada.User.Id, Public.Sample.Id, Ada.Project.Id);
        var token = Trade(launch.AuthorizationCode);
        Assert.That(Get($"samples/{Public.Sample.Id}", token).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var result = PostJson($"projects/{Ada.Project.Id}/appresults?appsessionid={launch.AppSessionId}", token, new
        {
            Name = "From public", References = new[] { new { Rel = "using", Type = "Sample", HrefContent = $"v1pre3/samples/{Public.Sample.Id}" } },
        });
        Assert.That((int)result.StatusCode, Is.EqualTo(201), result.Content);
    }
}
