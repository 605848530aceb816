using System.Text.Json;
using System.Text.Json.Serialization;
using ConformanceHarness.Secrets;

namespace ConformanceHarness.Evidence;

/// <summary>
/// Writes evidence files under the run's output folder, always through the masker, and answers with
/// paths relative to that folder (the form verdict.json cites them in).
/// </summary>
public sealed class EvidenceStore(string outDirectory, Func<SecretMasker> masker)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string OutDirectory { get; } = Path.GetFullPath(outDirectory);

    public string WriteJson<T>(string relativePath, T value) =>
        WriteText(relativePath, JsonSerializer.Serialize(value, Json));

    public string WriteText(string relativePath, string text)
    {
        var path = Prepare(relativePath);
        File.WriteAllText(path, masker().Mask(text));
        return relativePath;
    }

    /// <summary>Copies an archive (a Playwright trace) in, every entry masked.</summary>
    public string ImportZip(string sourcePath, string relativePath)
    {
        masker().MaskZip(sourcePath, Prepare(relativePath));
        return relativePath;
    }

    /// <summary>Copies a file that needs no masking (a screenshot taken with secrets masked out).</summary>
    public string WriteBytes(string relativePath, byte[] bytes)
    {
        File.WriteAllBytes(Prepare(relativePath), bytes);
        return relativePath;
    }

    public string FullPath(string relativePath) => Path.Combine(OutDirectory, relativePath);

    private string Prepare(string relativePath)
    {
        var path = FullPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
