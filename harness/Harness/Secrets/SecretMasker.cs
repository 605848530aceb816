using System.IO.Compression;
using System.Text;
using FakeBaseSpace;

namespace ConformanceHarness.Secrets;

/// <summary>
/// Masks every spelling of the fake's secrets in evidence before it is written anywhere a person reads:
/// text gets "[masked sha256:…]", binary containers (trace archives) get same-length runs of '*' so their
/// structure stays valid.
/// </summary>
public sealed class SecretMasker(IReadOnlyList<SecretForm> forms)
{
    public static SecretMasker For(IEnumerable<IssuedSecret> secrets) => new(SecretForms.Of(secrets));

    public string Mask(string text)
    {
        foreach (var form in LongestFirst())
            text = text.Replace(form.Text, $"[masked {form.Secret.Fingerprint}]", StringComparison.Ordinal);
        return text;
    }

    public byte[] MaskBytes(byte[] data)
    {
        foreach (var form in LongestFirst())
        {
            var needle = Encoding.UTF8.GetBytes(form.Text);
            var span = data.AsSpan();
            var start = 0;
            int found;
            while ((found = span[start..].IndexOf(needle)) >= 0)
            {
                span.Slice(start + found, needle.Length).Fill((byte)'*');
                start += found + needle.Length;
            }
        }
        return data;
    }

    /// <summary>Rewrites a zip archive (a Playwright trace) with every entry masked.</summary>
    public void MaskZip(string sourcePath, string targetPath)
    {
        using var source = ZipFile.OpenRead(sourcePath);
        using var target = ZipFile.Open(targetPath, ZipArchiveMode.Create);
        foreach (var entry in source.Entries)
        {
            using var input = entry.Open();
            using var buffer = new MemoryStream();
            input.CopyTo(buffer);
            var masked = MaskBytes(buffer.ToArray());
            using var output = target.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
            output.Write(masked);
        }
    }

    private IEnumerable<SecretForm> LongestFirst() => forms.OrderByDescending(f => f.Text.Length);
}
