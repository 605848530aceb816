using System.Text;
using RestSharp;

namespace FakeBaseSpace.Tests;

/// <summary>The journal: every call on both origins, who made it, what it needed, secrets masked.</summary>
public sealed class JournalTests : FakeTest
{
    [Test]
    public void A_token_exchange_is_journaled_with_the_code_and_secret_masked()
    {
        var launch = Launch(Ada);
        var token = Trade(launch.AuthorizationCode);
        var entry = State.Journal.Entries().Last(e => e.Path.Contains("oauthv2/token"));
        Assert.That(entry.Origin, Is.EqualTo("api"));
        Assert.That(entry.Method, Is.EqualTo("POST"));
        Assert.That(entry.ClientId, Is.EqualTo(App.ClientId));
        Assert.That(entry.UserId, Is.EqualTo(Ada.User.Id));
        Assert.That(entry.RequestExcerpt, Does.Not.Contain(launch.AuthorizationCode).And.Not.Contain(App.ClientSecret));
        Assert.That(entry.RequestExcerpt, Does.Contain("[masked " + SecretFingerprint.Of(launch.AuthorizationCode) + "]"));
        Assert.That(entry.ResponseExcerpt, Does.Not.Contain(token).And.Contain(SecretFingerprint.Of(token)));
    }

    [Test]
    public void An_api_call_records_user_token_session_scopes_and_status()
    {
        var (launch, token) = LaunchWithToken(Ada);
        Send(Method.Get, $"appsessions/{launch.AppSessionId}", build: r => r.AddQueryParameter("access_token", token));
        var entry = State.Journal.Entries().Last(e => e.AppSessionId == launch.AppSessionId);
        Assert.That(entry.Path, Does.Not.Contain(token).And.Contain("[masked " + SecretFingerprint.Of(token) + "]"));
        Assert.That(entry.TokenFingerprint, Is.EqualTo(SecretFingerprint.Of(token)));
        Assert.That(entry.UserId, Is.EqualTo(Ada.User.Id));
        Assert.That(entry.StatusCode, Is.EqualTo(200));
        Assert.That(entry.HeldScopes, Has.Count.EqualTo(2));
        Assert.That(entry.ResponseExcerpt, Does.Contain("\"Status\":\"Running\""));
    }

    [Test]
    public void Web_calls_are_journaled_with_the_trigger_code_masked()
    {
        var launch = Launch(Ben);
        Client.Execute(new RestRequest(launch.WebLaunchUrl));
        var entry = State.Journal.Entries().Last(e => e.Origin == "web" && e.AppSessionId == launch.AppSessionId);
        Assert.That(entry.StatusCode, Is.EqualTo(302));
        Assert.That(entry.ClientId, Is.EqualTo(App.ClientId));
        Assert.That(entry.Path, Is.EqualTo($"/apps/launch/{launch.AppSessionId}"));
    }

    [Test]
    public void Uploads_are_journaled_as_a_size_not_as_bytes()
    {
        var (launch, token) = LaunchWithToken(Ada);
        var id = Ok(PostJson($"projects/{Ada.Project.Id}/appresults?appsessionid={launch.AppSessionId}", token, new { Name = "J" }), 201).GetProperty("Id").GetString();
        Send(Method.Post, $"appresults/{id}/files?name=x.bin", token, r => r.AddBody(new byte[] { 0, 1, 2, 255 }, ContentType.Binary));
        var entry = State.Journal.Entries().Last(e => e.Path.Contains($"appresults/{id}/files"));
        Assert.That(entry.RequestExcerpt, Does.StartWith("[4 bytes"));
        Assert.That(entry.RequiredScope, Is.EqualTo($"write project {Ada.Project.Id}"));
    }

    [Test]
    public void Mask_covers_raw_url_encoded_and_base64_forms()
    {
        var launch = Launch(Ada);
        var token = Trade(launch.AuthorizationCode);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{App.ClientId}:{App.ClientSecret}"));
        var text = $"a={token} b={Uri.EscapeDataString(token)} c={Convert.ToBase64String(Encoding.UTF8.GetBytes(token))} d=Basic {basic}";
        var masked = State.Mask(text);
        Assert.That(masked, Does.Not.Contain(token).And.Not.Contain(basic).And.Not.Contain(App.ClientSecret));
        Assert.That(masked, Does.Contain("[masked " + SecretFingerprint.Of(token) + "]"));
    }

    [Test]
    public void Issued_secrets_list_every_token_code_and_client_secret()
    {
        var (launch, token) = LaunchWithToken(Ada);
        var issued = State.IssuedSecrets();
        Assert.That(issued.Any(s => s.Kind == SecretKind.AccessToken && s.Value == token && s.UserId == Ada.User.Id && s.ClientId == App.ClientId));
        Assert.That(issued.Any(s => s.Kind == SecretKind.AuthorizationCode && s.Value == launch.AuthorizationCode));
        Assert.That(issued.Any(s => s.Kind == SecretKind.ClientSecret && s.Value == App.ClientSecret));
        Assert.That(issued.Single(s => s.Value == token).Fingerprint, Is.EqualTo(SecretFingerprint.Of(token)).And.Match("^sha256:[0-9a-f]{8}$"));
    }

    [Test]
    public void The_journal_is_queryable_by_user_session_token_and_resource()
    {
        var (launch, token) = LaunchWithToken(Ben);
        Get($"appsessions/{launch.AppSessionId}", token);
        Get($"samples/{Ben.Sample.Id}/files", token);
        var fingerprint = SecretFingerprint.Of(token);
        Assert.That(State.Journal.ForToken(fingerprint), Has.Count.EqualTo(2));
        Assert.That(State.Journal.ForAppSession(launch.AppSessionId).Select(e => e.Path), Has.Some.Contains($"appsessions/{launch.AppSessionId}"));
        Assert.That(State.Journal.ForUser(Ben.User.Id), Has.Some.Matches<JournalEntry>(e => e.TokenFingerprint == fingerprint));
        Assert.That(State.Journal.ForResource($"v1pre3/samples/{Ben.Sample.Id}").Select(e => e.TokenFingerprint), Does.Contain(fingerprint));
        Assert.That(State.Journal.ForResource($"samples/{Ben.Sample.Id}9"), Is.Empty);
    }
}
