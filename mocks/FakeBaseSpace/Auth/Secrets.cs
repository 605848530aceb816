using System.Security.Cryptography;
using System.Text;

namespace FakeBaseSpace;

public enum SecretKind { AccessToken, AuthorizationCode, ClientSecret, DeviceCode }

public sealed record IssuedSecret(SecretKind Kind, string Value, string Fingerprint, string? UserId, string? ClientId);

/// <summary>A stable short name for a secret, safe to print: it never reveals the secret.</summary>
public static class SecretFingerprint
{
    public static string Of(string secret) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))[..8];
}

/// <summary>Random URL-safe values (letters, digits, '-', '_'): one SDK puts client credentials in a URL.</summary>
internal static class RandomSecret
{
    public static string Create(int bytes) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    public static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Every secret the fake has issued, and the masking of them in any text: raw, URL-encoded and base64
/// (client secrets also as the base64 "client_id:secret" of HTTP Basic).
/// </summary>
internal sealed class SecretRegistry
{
    private readonly object _gate = new();
    private readonly List<IssuedSecret> _issued = [];
    private readonly List<(string Form, string Replacement)> _forms = [];

    public IssuedSecret Register(SecretKind kind, string value, string? userId, string? clientId)
    {
        var secret = new IssuedSecret(kind, value, SecretFingerprint.Of(value), userId, clientId);
        var replacement = "[masked " + secret.Fingerprint + "]";
        var forms = new List<string> { value, Uri.EscapeDataString(value) };
        forms.AddRange(Base64Forms(value));
        if (kind == SecretKind.ClientSecret && clientId is not null) forms.AddRange(Base64Forms(clientId + ":" + value));
        lock (_gate)
        {
            _issued.Add(secret);
            // Longest first, so a base64 "id:secret" is masked whole before the secret inside it.
            foreach (var form in forms.Distinct()) _forms.Add((form, replacement));
            _forms.Sort((a, b) => b.Form.Length.CompareTo(a.Form.Length));
        }
        return secret;
    }

    public IReadOnlyList<IssuedSecret> Snapshot()
    {
        lock (_gate) return _issued.ToArray();
    }

    public string Mask(string text)
    {
        (string Form, string Replacement)[] forms;
        lock (_gate) forms = _forms.ToArray();
        var builder = new StringBuilder(text);
        foreach (var (form, replacement) in forms)
            if (text.Contains(form, StringComparison.Ordinal)) builder.Replace(form, replacement);
        return builder.ToString();
    }

    private static IEnumerable<string> Base64Forms(string value)
    {
        var standard = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        yield return standard;
        yield return standard.TrimEnd('=');
        yield return standard.TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
