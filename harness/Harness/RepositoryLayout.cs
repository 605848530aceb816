namespace ConformanceHarness;

/// <summary>Where the harness's own checkout is: the bundled reference app and its profile live there.</summary>
public static class RepositoryLayout
{
    public const string SolutionFile = "ConformanceHarness.sln";

    /// <summary>The folder holding ConformanceHarness.sln, found upwards from the running assembly.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        throw new InvalidOperationException(
            $"cannot find {SolutionFile} above {AppContext.BaseDirectory}: run the harness from its checkout, or pass --profile");
    }

    /// <summary>The bundled reference app's profile: what `conform certify` certifies without --profile.</summary>
    public static string ReferenceAppProfile() => Path.Combine(Root(), "samples", "ReferenceApp", "app.yaml");

    /// <summary>
    /// A profile path as given: absolute; relative to the current folder when it exists there; else relative
    /// to the checkout (run settings name profiles from the checkout, while test hosts run in bin/).
    /// </summary>
    public static string ResolveProfile(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) return ReferenceAppProfile();
        if (Path.IsPathRooted(path) || File.Exists(path)) return Path.GetFullPath(path);
        var fromRoot = Path.Combine(Root(), path);
        return File.Exists(fromRoot) ? fromRoot : Path.GetFullPath(path);
    }

    /// <summary>The run's output folder: absolute as given, relative to the checkout, or out/suites there.</summary>
    public static string ResolveOut(string? path) =>
        string.IsNullOrWhiteSpace(path) ? Path.Combine(Root(), "out", "suites")
        : Path.IsPathRooted(path) ? path
        : Path.Combine(Root(), path);
}
