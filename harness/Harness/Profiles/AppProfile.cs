namespace ConformanceHarness.Profiles;

/// <summary>What the harness knows of the app under test: the profile contract of ARCHITECTURE.md.</summary>
public sealed record AppProfile(string SourceFile, AppSection App, TimeoutSection Timeouts, FakeSection Fake,
    IReadOnlyList<FakeBaseSpace.Fault> Faults)
{
    /// <summary>The folder relative paths in the profile resolve from.</summary>
    public string BaseDirectory => Path.GetDirectoryName(Path.GetFullPath(SourceFile))!;
}

public sealed record AppSection(string Name, string Version, Uri? Url, string LaunchPath, StartSection? Start);

/// <summary>How to start the app; absent when the app is already running at <see cref="AppSection.Url"/>.</summary>
public sealed record StartSection(
    string Command,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    string ReadyPath,
    int ReadySeconds);

public sealed record TimeoutSection(int CompleteSeconds);

/// <summary>
/// Fixed coordinates for the fake BaseSpace, for an app that is already running and was configured with
/// them (see `conform fake`). Zero ports and absent credentials: chosen fresh for each run.
/// </summary>
public sealed record FakeSection(int ApiPort, int WebPort, string? ClientId, string? ClientSecret)
{
    public static readonly FakeSection Fresh = new(0, 0, null, null);
}
