using System.Text;
using System.Text.Json;

namespace FakeBaseSpace;

/// <summary>One seeded user with a project holding one sample; without files, a paired-end FASTQ pair.</summary>
internal sealed record SeedTenant(string Name, string Email, string Project, string Sample, IReadOnlyList<SeedFile>? Files = null);

internal sealed record SeedFile(string Name, string Text);

/// <summary>
/// What the fake starts with: tenants (by default users A and B) and a public dataset shared read-only with
/// everyone. A JSON file can replace either: {"tenants":[{name,email,project,sample,files?:[{name,text}]}],
/// "publicDataset":{…}}.
/// </summary>
internal sealed record SeedData(IReadOnlyList<SeedTenant> Tenants, SeedTenant PublicDataset)
{
    public static readonly SeedData Default = new(
    [
        new SeedTenant("Ada Tenant", "ada@example.test", "Ada Project", "Ada-Sample-1"),
        new SeedTenant("Ben Tenant", "ben@example.test", "Ben Project", "Ben-Sample-1"),
    ], new SeedTenant("BaseSpace Public Data", "public-data@example.test", "Public Dataset", "Public-Sample-1"));

    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNameCaseInsensitive = true };

    public static SeedData Load(string? path)
    {
        if (path is null) return Default;
        var loaded = JsonSerializer.Deserialize<SeedFileContent>(File.ReadAllText(path), ReadOptions)
                     ?? throw new InvalidDataException($"{path}: empty seed file");
        if (loaded.Tenants is not { Count: > 0 } tenants) throw new InvalidDataException($"{path}: \"tenants\" must list at least one user");
        foreach (var tenant in tenants.Append(loaded.PublicDataset).OfType<SeedTenant>())
            if (new[] { tenant.Name, tenant.Email, tenant.Project, tenant.Sample }.Any(string.IsNullOrWhiteSpace))
                throw new InvalidDataException($"{path}: every tenant needs name, email, project and sample");
        return new SeedData(tenants, loaded.PublicDataset ?? Default.PublicDataset);
    }

    /// <summary>A tenant's sample files: the given ones, or a deterministic R1/R2 FASTQ pair.</summary>
    public static IEnumerable<(string Name, byte[] Content)> FilesOf(SeedTenant tenant) =>
        tenant.Files is { Count: > 0 } files
            ? files.Select(f => (f.Name, Encoding.UTF8.GetBytes(f.Text)))
            : new[] { 1, 2 }.Select(read => ($"{tenant.Sample}_S1_L001_R{read}_001.fastq", Fastq(tenant.Sample, read)));

    /// <summary>A few FASTQ records, deterministic per sample and read, so downloads can be compared.</summary>
    private static byte[] Fastq(string sampleName, int read)
    {
        var text = new StringBuilder();
        const string bases = "ACGT";
        for (var record = 1; record <= 4; record++)
        {
            var sequence = new StringBuilder();
            for (var i = 0; i < 50; i++) sequence.Append(bases[(i * (record + read) + sampleName.Length) % 4]);
            text.Append($"@{sampleName}:{record} {read}:N:0:1\n{sequence}\n+\n{new string('I', 50)}\n");
        }
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private sealed record SeedFileContent(List<SeedTenant>? Tenants, SeedTenant? PublicDataset);
}
