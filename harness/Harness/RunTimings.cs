using System.Collections.Concurrent;

namespace ConformanceHarness;

/// <summary>Where the run's time went, for the summary: the harness's overhead against the app's own time.</summary>
public sealed class RunTimings
{
    private readonly ConcurrentDictionary<string, TimeSpan> _scenarios = new();

    public TimeSpan HarnessStart { get; internal set; }
    public TimeSpan AppStart { get; internal set; }
    public TimeSpan? AppTime { get; internal set; }
    public IReadOnlyDictionary<string, TimeSpan> Scenarios => _scenarios;
    internal void AddScenario(string name, TimeSpan took) => _scenarios[name] = took;
}
