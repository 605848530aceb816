namespace ConformanceHarness;

/// <summary>
/// Progress lines written at once on the reporting thread (System.Progress&lt;T&gt; posts to the thread pool,
/// which reorders lines).
/// </summary>
public sealed class ProgressLog(Action<string> write) : IProgress<string>
{
    public void Report(string value) => write(value);
}
