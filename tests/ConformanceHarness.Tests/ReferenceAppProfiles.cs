namespace ConformanceHarness.Tests;

/// <summary>Profiles for the bundled reference app, with flaws switched on through start.env.</summary>
public static class ReferenceAppProfiles
{
    public static string AppFolder => Path.Combine(ConformProcess.Root, "samples", "ReferenceApp");

    /// <summary>Writes a profile that starts the reference app with <paramref name="flaws"/>; returns its path.</summary>
    public static string Write(string folder, int completeSeconds, params string[] flaws)
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
}
