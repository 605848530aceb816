using System.Net;
using System.Text;
using RestSharp;

namespace FakeBaseSpace.Tests;

/// <summary>Seed data from a JSON file, and the dev server's ready-made users.</summary>
public sealed class SeedAndDeveloperSetupTests : FakeTest
{
    [Test]
    public void The_default_seed_has_two_tenants_with_distinct_id_ranges()
    {
        Assert.That(State.Tenants.Select(t => t.User.Name), Is.EqualTo(new[] { "Ada Tenant", "Ben Tenant" }));
        Assert.That(Ada.Project.Name, Is.EqualTo("Ada Project"));
        Assert.That(Ben.Sample.Name, Is.EqualTo("Ben-Sample-1"));
        var ids = new[] { Ada.User.Id, Ada.Project.Id, Ada.Sample.Id };
        Assert.That(ids.Select(id => id[0]).Distinct().Count(), Is.EqualTo(3), "users, projects and samples use distinct id ranges");
    }

    [Test]
    public void Tenants_come_from_a_seed_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {"tenants":[{"name":"Cy Seed","email":"cy@example.test","project":"Cy Project","sample":"Cy-1",
                         "files":[{"name":"notes.txt","text":"hello from the seed"}]}]}
            """);
        try
        {
            using var server = FakeBaseSpaceServer.Start(new FakeServerOptions { Certificate = Fake.Authority.IssueServerCertificate(), SeedFile = path });
            var tenant = server.State.Tenants.Single();
            Assert.That(tenant.User.Name, Is.EqualTo("Cy Seed"));
            Assert.That(server.State.PublicDataset.Project.Name, Is.EqualTo("Public Dataset"));
            var user = server.State.CreateDeveloperSetup("https://127.0.0.1:9443", "https://127.0.0.1:9443/launch").Users.Single();
            var files = Client.Execute(new RestRequest($"{server.ApiUrl}/samples/{tenant.Sample.Id}/files").AddHeader("x-access-token", user.AccessToken));
            var id = Json(files).GetProperty("Response").GetProperty("Items")[0].GetProperty("Id").GetString();
            var content = Client.Execute(new RestRequest($"{server.ApiUrl}/files/{id}/content").AddHeader("x-access-token", user.AccessToken));
            Assert.That(Encoding.UTF8.GetString(content.RawBytes!), Is.EqualTo("hello from the seed"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_tenant_added_at_run_time_has_its_own_data_and_sees_no_one_elses()
    {
        using var server = FakeBaseSpaceServer.Start(new FakeServerOptions { Certificate = Fake.Authority.IssueServerCertificate() });
        var dee = server.State.AddTenant("Dee Added", "dee@example.test", "Dee Project", "Dee-1");
        var user = server.State.CreateDeveloperSetup("https://127.0.0.1:9443", "https://127.0.0.1:9443/launch").Users.Single(u => u.Id == dee.User.Id);
        var own = Client.Execute(new RestRequest($"{server.ApiUrl}/samples/{dee.Sample.Id}/files").AddHeader("x-access-token", user.AccessToken));
        var other = Client.Execute(new RestRequest($"{server.ApiUrl}/samples/{server.State.Tenants[0].Sample.Id}").AddHeader("x-access-token", user.AccessToken));
        Assert.Multiple(() =>
        {
            Assert.That(server.State.Tenants.Select(t => t.User.Name), Is.EqualTo(new[] { "Ada Tenant", "Ben Tenant", "Dee Added" }));
            Assert.That(Json(own).GetProperty("Response").GetProperty("Items").GetArrayLength(), Is.EqualTo(2), "a FASTQ pair, as seeded tenants have");
            Assert.That((int)other.StatusCode, Is.EqualTo(403));
        });
    }

    [Test]
    public void A_seed_file_without_tenants_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"tenants":[]}""");
        try
        {
            Assert.Throws<InvalidDataException>(() => FakeBaseSpaceServer.Start(new FakeServerOptions
            {
                Certificate = Fake.Authority.IssueServerCertificate(), SeedFile = path,
            }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Developer_users_get_a_working_token_and_a_running_session()
    {
        var setup = State.CreateDeveloperSetup("https://127.0.0.1:9443", "https://127.0.0.1:9443/launch");
        Assert.That(setup.Users, Has.Count.EqualTo(2));
        var ada = setup.Users[0];
        Assert.That(ada.Id, Is.EqualTo(Ada.User.Id));
        Assert.That(Ok(Get("users/current", ada.AccessToken)).GetProperty("Email").GetString(), Is.EqualTo(ada.Email));
        Assert.That(Ok(PostJson("projects", ada.AccessToken, new { Name = "Dev Project" }), 201).GetProperty("Name").GetString(), Is.EqualTo("Dev Project"));
        Assert.That(State.GetAppSession(ada.AppSessionId).Status, Is.EqualTo("Running"));
        var sessionRead = Send(Method.Get, $"appsessions/{ada.AppSessionId}", build: r => r.AddHeader("x-access-token", ada.AccessToken));
        Assert.That(sessionRead.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
