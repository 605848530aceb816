namespace ConformanceHarness.Evidence;

/// <summary>
/// Makes the run's output folder ready: a new or empty folder is used as is; a previous report is replaced
/// whole (stale evidence must not mix with new); anything else is refused rather than deleted.
/// </summary>
public static class ReportFolder
{
    private const string Marker = ".conform-report";

    public static void Claim(string path)
    {
        var folder = new DirectoryInfo(path);
        if (folder.Exists && folder.EnumerateFileSystemInfos().Any())
        {
            if (!File.Exists(Path.Combine(path, Marker)) && !File.Exists(Path.Combine(path, "verdict.json")))
                throw new InvalidOperationException(
                    $"the output folder {path} is not empty and holds no earlier conform report: choose another --out");
            foreach (var entry in folder.EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo directory) directory.Delete(recursive: true);
                else entry.Delete();
            }
        }
        folder.Create();
        File.WriteAllText(Path.Combine(path, Marker), "This folder is a conform report; the next run into it replaces it.\n");
    }
}
