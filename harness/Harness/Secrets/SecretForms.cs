using System.Text;
using FakeBaseSpace;

namespace ConformanceHarness.Secrets;

/// <summary>How a secret can appear in evidence.</summary>
public enum SecretEncoding { Raw, UrlEncoded, Base64 }

/// <summary>One searchable spelling of a secret.</summary>
public sealed record SecretForm(IssuedSecret Secret, SecretEncoding Encoding, string Text);

/// <summary>
/// The spellings of a secret worth searching for: as is, URL-encoded, and base64 (standard and URL-safe) at
/// each of the three byte alignments it can have inside a larger base64 blob (a cookie, a JWT-like value).
/// </summary>
public static class SecretForms
{
    public static IReadOnlyList<SecretForm> Of(IEnumerable<IssuedSecret> secrets) =>
        secrets.SelectMany(Of).DistinctBy(f => f.Text).ToList();

    public static IEnumerable<SecretForm> Of(IssuedSecret secret)
    {
        yield return new SecretForm(secret, SecretEncoding.Raw, secret.Value);
        var escaped = Uri.EscapeDataString(secret.Value);
        if (escaped != secret.Value) yield return new SecretForm(secret, SecretEncoding.UrlEncoded, escaped);
        foreach (var fragment in Base64Fragments(Encoding.UTF8.GetBytes(secret.Value)))
        {
            yield return new SecretForm(secret, SecretEncoding.Base64, fragment);
            var urlSafe = fragment.Replace('+', '-').Replace('/', '_');
            if (urlSafe != fragment) yield return new SecretForm(secret, SecretEncoding.Base64, urlSafe);
        }
    }

    /// <summary>
    /// The base64 characters that depend only on <paramref name="bytes"/>, whatever bytes stand before and
    /// after them, for each alignment (0, 1 or 2 bytes before them in the encoded blob).
    /// </summary>
    private static IEnumerable<string> Base64Fragments(byte[] bytes)
    {
        for (var offset = 0; offset < 3; offset++)
        {
            var padded = new byte[offset + bytes.Length];
            bytes.CopyTo(padded, offset);
            var encoded = Convert.ToBase64String(padded).TrimEnd('=');
            var first = offset switch { 0 => 0, 1 => 2, _ => 3 };
            var last = (offset + bytes.Length) * 8 / 6; // characters wholly made of known bits
            if (last - first >= 16) yield return encoded[first..last];
        }
    }
}
