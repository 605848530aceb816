using System.IO.Compression;
using System.Text;
using ConformanceHarness.Evidence;
using ConformanceHarness.Secrets;
using FakeBaseSpace;
using NUnit.Framework;

namespace ConformanceHarness.Tests;

/// <summary>The token-leak scanner finds a token in every spelling and place; the masker hides it everywhere.</summary>
[TestFixture]
public sealed class SecretScanningTests
{
    private const string Token = "tok_3f9a1c2b7d4e4b8f9a0c1d2e3f4a5b6c";
    private static readonly IssuedSecret Secret = new(SecretKind.AccessToken, Token, SecretFingerprint.Of(Token), "1001", "client");
    private static readonly SecretMasker Masker = SecretMasker.For([Secret]);

    private static BrowserEvidence Evidence(string? url = null, string? referer = null, string? html = null,
        string? storage = null, string? cookie = null, bool httpOnly = false, string? console = null) => new(
        [new HttpExchange(1, "GET", url ?? "https://127.0.0.1:1/results", "document", true,
            referer is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["referer"] = referer },
            200, new Dictionary<string, string>(), html, null)],
        console is null ? [] : [new ConsoleEntry("log", console, "https://127.0.0.1:1/app.js")],
        cookie is null ? [] : [new CookieRecord("c", cookie, "127.0.0.1", "/", httpOnly, true, "Lax")],
        storage is null ? [] : [new StorageRecord("https://127.0.0.1:1", "localStorage", "k", storage)],
        []);

    private static IReadOnlyList<LeakFinding> Scan(BrowserEvidence evidence) => TokenLeakScanner.For([Secret]).Scan(evidence, Masker);

    [Test]
    public void FindsTheTokenOnEverySurface()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Scan(Evidence(url: $"https://127.0.0.1:1/r?access_token={Token}")).Single().Surface, Is.EqualTo(LeakSurface.Url));
            Assert.That(Scan(Evidence(referer: $"https://127.0.0.1:1/r?t={Token}")).Single().Surface, Is.EqualTo(LeakSurface.Referer));
            Assert.That(Scan(Evidence(html: $"<input type=hidden value=\"{Token}\">")).Single().Surface, Is.EqualTo(LeakSurface.Page));
            Assert.That(Scan(Evidence(storage: Token)).Single().Surface, Is.EqualTo(LeakSurface.Storage));
            Assert.That(Scan(Evidence(cookie: Token)).Single().Surface, Is.EqualTo(LeakSurface.ReadableCookie));
            Assert.That(Scan(Evidence(cookie: Token, httpOnly: true)).Single().Surface, Is.EqualTo(LeakSurface.HttpOnlyCookie));
            Assert.That(Scan(Evidence(console: "token is " + Token)).Single().Surface, Is.EqualTo(LeakSurface.Console));
            Assert.That(Scan(Evidence(html: "<p>nothing to see</p>")), Is.Empty);
        });
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    public void FindsTheTokenBase64EncodedInsideALargerValueAtAnyAlignment(int prefixBytes)
    {
        var blob = Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('x', prefixBytes) + "{\"t\":\"" + Token + "\"}"));
        var leak = Scan(Evidence(cookie: blob)).Single();
        Assert.That(leak.Encoding, Is.EqualTo(SecretEncoding.Base64));
    }

    [Test]
    public void FindsTheTokenUrlEncoded()
    {
        const string odd = "a+b/c=d e&f-0123456789abcdefghijklmnop";
        var secret = new IssuedSecret(SecretKind.AccessToken, odd, SecretFingerprint.Of(odd), null, null);
        var leaks = TokenLeakScanner.For([secret]).Scan(Evidence(url: "https://127.0.0.1:1/?t=" + Uri.EscapeDataString(odd)), Masker);
        Assert.That(leaks.Select(l => l.Encoding), Does.Contain(SecretEncoding.UrlEncoded));
    }

    [Test]
    public void FindingsAndMaskedTextNeverHoldTheToken()
    {
        var leak = Scan(Evidence(url: $"https://127.0.0.1:1/r?access_token={Token}")).Single();
        var masked = Masker.Mask($"GET /r?access_token={Token} and {Convert.ToBase64String(Encoding.UTF8.GetBytes(Token))}");
        Assert.Multiple(() =>
        {
            Assert.That(leak.ToString(), Does.Not.Contain(Token).And.Contain(Secret.Fingerprint));
            Assert.That(masked, Does.Not.Contain(Token).And.Contain($"[masked {Secret.Fingerprint}]"));
            Assert.That(masked, Does.Not.Contain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Token))[..20]));
        });
    }

    [Test]
    public void MasksEveryEntryOfATraceArchive()
    {
        var source = Path.GetTempFileName();
        var target = source + ".masked.zip";
        using (var zip = ZipFile.Open(source, ZipArchiveMode.Update))
        {
            using var writer = new StreamWriter(zip.CreateEntry("trace.network").Open());
            writer.Write($"{{\"url\":\"https://x/?access_token={Token}\"}}");
        }
        Masker.MaskZip(source, target);
        using var masked = ZipFile.OpenRead(target);
        using var reader = new StreamReader(masked.GetEntry("trace.network")!.Open());
        var text = reader.ReadToEnd();
        Assert.That(text, Does.Not.Contain(Token).And.Contain(new string('*', Token.Length)));
        File.Delete(source);
        File.Delete(target);
    }
}
