using ConformanceHarness.Suites;
using NUnit.Framework.Interfaces;
using Spectre.Console;

namespace ConformanceHarness.Cli;

/// <summary>Shows the run as it goes: the harness's progress lines, then each check as it is judged.</summary>
public sealed class ProgressListener(IAnsiConsole console) : ITestListener
{
    public void TestStarted(ITest test)
    {
    }

    public void TestFinished(ITestResult result)
    {
        if (result.Test.IsSuite)
        {
            // A failed start shows once, on the setup fixture, not on every check.
            if (result.Test.TypeInfo?.Type == typeof(CertificationRun) && result.ResultState.Site == FailureSite.SetUp)
                console.MarkupLineInterpolated($"[red]could not start:[/] {result.Message}");
            return;
        }
        var id = result.Test.Properties.Get(CheckAttribute.IdProperty) as string ?? result.Test.Name;
        var (mark, colour) = result.ResultState.Status switch
        {
            TestStatus.Passed => ("pass", "green"),
            TestStatus.Failed when result.ResultState.Site is FailureSite.Parent or FailureSite.SetUp => ("error", "red"),
            TestStatus.Failed when result.ResultState.Label == "Error" => ("error", "red"),
            TestStatus.Failed => ("FAIL", "red"),
            TestStatus.Warning => ("warn", "yellow"),
            _ => ("n/a", "grey"),
        };
        console.MarkupLineInterpolated($"  [{colour}]{mark,-5}[/] {id}");
    }

    public void TestOutput(TestOutput output) => console.WriteLine(output.Text.TrimEnd());

    public void SendMessage(TestMessage message)
    {
    }
}
