namespace ConformanceHarness;

/// <summary>What one certification run is asked to do.</summary>
public sealed record RunSettings(string ProfilePath, string OutDirectory, string? Browser, string StateDirectory)
{
    /// <summary>Where the test CA is kept between runs: CONFORM_STATE_DIR, else ~/.local/state/conform.</summary>
    public static string DefaultStateDirectory() =>
        Environment.GetEnvironmentVariable("CONFORM_STATE_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state", "conform");
}
