using ConformanceHarness.Scenarios;
using FakeBaseSpace;
using NUnit.Framework;

namespace ConformanceHarness.Suites;

/// <summary>
/// 5 "Uploading Results" and 6 "Tagging Properties": what the app wrote back to BaseSpace during a launch,
/// read from the fake's state. AppResults are those the launching user's app created in the output project
/// while the launch ran.
/// </summary>
[TestFixture]
public sealed class WritingBack : ChecklistSuite
{
    [Test, Check("5C.appresult-linked-to-appsession", "The app writes an AppResult linked to the launch's AppSession")]
    public async Task AppResultLinkedToAppSession()
    {
        var launch = await Session.LaunchAsync();
        var evidence = Evidence(launch);
        if (launch.AppResults.Count == 0)
        {
            Fail($"The app wrote no AppResult to the output project {launch.Tenant.Project.Name}: its results never reach BaseSpace.",
                "Write results back: POST projects/{id}/appresults?appsessionid={AppSession id}, upload the files into it, then set the AppSession Complete.",
                evidence);
            return;
        }
        var unlinked = launch.AppResults.Where(r => r.AppSessionId != launch.Launch.AppSessionId).ToList();
        PassIf(unlinked.Count == 0,
            pass: $"{Describe(launch.AppResults)} linked to AppSession {launch.Launch.AppSessionId} before it was marked {launch.Session.Status}.",
            fail: $"{Describe(unlinked)} not linked to the launch's AppSession {launch.Launch.AppSessionId} (linked to {string.Join(", ", unlinked.Select(r => r.AppSessionId))}): the user will not find them under the analysis they started.",
            hint: "Create the AppResult with ?appsessionid={the launch's AppSession id} (or HrefAppSession in the body), then set that AppSession Complete.",
            evidence);
    }

    [Test, Check("5C.appresult-references-input", "Each AppResult refers to the input sample it was made from")]
    public async Task AppResultReferencesInput()
    {
        var launch = await Session.LaunchAsync();
        var sample = SampleHref(launch.Tenant.Sample);
        if (NothingWritten(launch)) return;
        var missing = launch.AppResults.Where(r => !r.References.Any(x => SameHref(x.Href, sample))).ToList();
        PassIf(missing.Count == 0,
            pass: $"{Describe(launch.AppResults)} refer{(launch.AppResults.Count == 1 ? "s" : "")} to the input sample {launch.Tenant.Sample.Name} ({sample}).",
            fail: $"{Describe(missing)} lack{(missing.Count == 1 ? "s" : "")} a reference to the input sample {launch.Tenant.Sample.Name} ({sample}): BaseSpace will not show the results with their input.",
            hint: "Send \"References\": [{\"Rel\": \"using\", \"Type\": \"Sample\", \"HrefContent\": \"v1pre3/samples/{id}\"}] when creating the AppResult.",
            Evidence(launch));
    }

    [Test, Check("6A.appresult-properties", "Each AppResult is tagged with its input sample and project (Input.Samples, Input.Projects)")]
    public async Task AppResultProperties()
    {
        var launch = await Session.LaunchAsync();
        var sample = SampleHref(launch.Tenant.Sample);
        if (NothingWritten(launch)) return;
        var untagged = launch.AppResults
            .Select(r => (Result: r, Missing: MissingInputTags(r, sample)))
            .Where(x => x.Missing.Count > 0)
            .ToList();
        PassIf(untagged.Count == 0,
            pass: $"{Describe(launch.AppResults)} carr{(launch.AppResults.Count == 1 ? "ies" : "y")} Input.Samples (with {sample}) and Input.Projects.",
            fail: string.Join(" ", untagged.Select(x => $"AppResult {x.Result.Id} \"{x.Result.Name}\" lacks {string.Join(" and ", x.Missing)}.")),
            hint: "POST appresults/{id}/properties with Input.Samples (sample[]), Input.Projects (project[]) and, when used, Input.AppResults (appresult[]).",
            Evidence(launch));
    }

    [Test, Check("6B.appsession-output-properties", "The AppSession lists the AppResults it produced (Output.AppResults)")]
    public async Task AppSessionOutputProperties()
    {
        var launch = await Session.LaunchAsync();
        if (NothingWritten(launch)) return;
        var listed = launch.Session.Properties.FirstOrDefault(p => p.Name.Equals("Output.AppResults", StringComparison.OrdinalIgnoreCase))?.Values ?? [];
        var unlisted = launch.AppResults.Where(r => !listed.Any(v => SameHref(v, r.Href))).ToList();
        PassIf(unlisted.Count == 0,
            pass: $"The AppSession's Output.AppResults lists {Describe(launch.AppResults)}.",
            fail: $"The AppSession's Output.AppResults {(listed.Count == 0 ? "is missing" : "leaves out " + Describe(unlisted))}: the AppSession does not record what it produced.",
            hint: "POST appsessions/{id}/properties with {\"Type\": \"appresult[]\", \"Name\": \"Output.AppResults\", \"Items\": [\"v1pre3/appresults/{id}\"]}.",
            Evidence(launch));
    }

    /// <summary>Without an AppResult there is nothing to tag: 5C.appresult-linked-to-appsession reports that failure.</summary>
    private bool NothingWritten(LaunchEvidence launch)
    {
        if (launch.AppResults.Count > 0) return false;
        NotApplicable("The app wrote no AppResult, so there is nothing to judge here (see 5C.appresult-linked-to-appsession).", Evidence(launch));
        return true;
    }

    private static List<string> MissingInputTags(AppResultSnapshot result, string sample)
    {
        var missing = new List<string>();
        if (!Property(result, "Input.Samples").Any(v => SameHref(v, sample))) missing.Add($"Input.Samples naming {sample}");
        if (!Property(result, "Input.Projects").Any()) missing.Add("Input.Projects");
        return missing;
    }

    private static IReadOnlyList<string> Property(AppResultSnapshot result, string name) =>
        result.Properties.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Values ?? [];

    private static string SampleHref(Sample sample) => $"v1pre3/samples/{sample.Id}";

    /// <summary>BaseSpace accepts "v1pre3/samples/1" and "samples/1" for the same sample.</summary>
    private static bool SameHref(string a, string b) =>
        string.Equals(Normal(a), Normal(b), StringComparison.OrdinalIgnoreCase);

    private static string Normal(string href)
    {
        var path = href.Trim('/');
        return path.StartsWith("v1pre3/", StringComparison.OrdinalIgnoreCase) ? path["v1pre3/".Length..] : path;
    }

    private static string Describe(IEnumerable<AppResultSnapshot> results)
    {
        var list = results.ToList();
        var names = string.Join(", ", list.Select(r => $"AppResult {r.Id} \"{r.Name}\""));
        return list.Count == 1 ? names : $"{list.Count} AppResults ({names})";
    }

    private static IEnumerable<string> Evidence(LaunchEvidence launch) => [launch.AppResultsFile, launch.SessionFile, launch.JournalFile];
}
