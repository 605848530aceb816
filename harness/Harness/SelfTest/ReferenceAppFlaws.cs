using System.Text.Json;

namespace ConformanceHarness.SelfTest;

/// <summary>
/// A flaw of the reference app and the checks it must fail (and only those). A stall keeps the launch
/// waiting for completeSeconds, so such a flaw names a shorter one.
/// </summary>
public sealed record FlawExpectation(string Flaw, IReadOnlyList<string> Fails, int? CompleteSeconds);

/// <summary>
/// The reference app's flaws and what each must break, from samples/ReferenceApp/flaws.json: what the flaw
/// matrix test and `conform selftest` both prove.
/// </summary>
public static class ReferenceAppFlaws
{
    public static string AppFolder => Path.Combine(RepositoryLayout.Root(), "samples", "ReferenceApp");

    public static IReadOnlyList<FlawExpectation> Load() =>
        JsonSerializer.Deserialize<List<FlawExpectation>>(File.ReadAllText(Path.Combine(AppFolder, "flaws.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
        ?? throw new InvalidOperationException("samples/ReferenceApp/flaws.json is empty");

    /// <summary>Writes a profile that starts the built reference app with <paramref name="flaws"/>; returns its path.</summary>
    public static string WriteProfile(string folder, int completeSeconds, params string[] flaws)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "app.yaml");
        File.WriteAllText(path, $"""
            app:
              name: Reference App
              version: 1.0.0
              launchPath: /launch
              start:
                command: dotnet bin/app/ReferenceApp.dll
                workdir: {AppFolder}
                env:
                  REFERENCE_APP_FLAWS: "{string.Join(',', flaws)}"
                readyPath: /health
                readySeconds: 60
            timeouts:
              completeSeconds: {completeSeconds}
            """);
        return path;
    }

    /// <summary>The completeSeconds for a flaw's run: the other flaws complete in about a second.</summary>
    public static int CompleteSecondsFor(FlawExpectation? flaw) => flaw?.CompleteSeconds ?? 30;
}
