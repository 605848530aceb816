using System.Reflection;
using System.Security;
using ConformanceHarness.Suites;
using NUnit;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace ConformanceHarness.Cli;

/// <summary>
/// Runs the NUnit suites in this process, with the same run parameters `dotnet test --settings
/// runsettings.xml` passes, so certify and the test runner judge alike. (NUnitLite is not available from
/// this machine's package source; NUnit's own assembly runner is what NUnitLite wraps.)
/// </summary>
public sealed class SuiteRunner
{
    private static readonly Assembly Suites = typeof(CertificationRun).Assembly;
    private readonly NUnitTestAssemblyRunner _runner = new(new DefaultTestAssemblyBuilder());

    public SuiteRunner(IReadOnlyDictionary<string, string> parameters)
    {
        _runner.Load(Suites, new Dictionary<string, object>
        {
            [FrameworkPackageSettings.TestParametersDictionary] = parameters.ToDictionary(),
            [FrameworkPackageSettings.NumberOfTestWorkers] = 0,
        });
    }

    /// <summary>Every check id the suites hold ("8C.token-not-in-urls"), for validating --only.</summary>
    public IReadOnlySet<string> CheckIds() =>
        Suites.GetTypes().SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttribute<CheckAttribute>()?.Id)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public void Run(ITestListener listener, IReadOnlyCollection<string> only) =>
        _runner.Run(listener, Filter(only));

    /// <summary>Stops at once (the running check is cut short); teardown still runs, so the app and browser are stopped.</summary>
    public void Stop()
    {
        CertificationRun.Interrupt();
        _runner.StopRun(force: false);
    }

    /// <summary>An item id selects its category; a check id selects that check.</summary>
    private static ITestFilter Filter(IReadOnlyCollection<string> only)
    {
        if (only.Count == 0) return TestFilter.Empty;
        var terms = only.Select(id => id.Contains('.')
            ? $"<prop name=\"{CheckAttribute.IdProperty}\">{SecurityElement.Escape(id)}</prop>"
            : $"<cat>{SecurityElement.Escape(id.ToUpperInvariant())}</cat>");
        return TestFilter.FromXml($"<filter><or>{string.Concat(terms)}</or></filter>");
    }
}
