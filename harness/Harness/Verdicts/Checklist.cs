namespace ConformanceHarness.Verdicts;

/// <summary>
/// An item of the BaseSpace App Review technical checklist. <see cref="ManualGuidance"/> is what a reviewer
/// looks at when no automated check has judged the item in this run.
/// </summary>
public sealed record ChecklistItem(string Id, string Title, string ManualGuidance);

/// <summary>The technical checklist of the BaseSpace publishing document, items 1A to 9F.</summary>
public static class Checklist
{
    public static IReadOnlyList<ChecklistItem> Items { get; } =
    [
        new("1A", "Input form built with the Forms Builder", "Check the app's launch form in the developer portal uses Forms Builder."),
        new("1B", "Incompatible datasets are filtered out or reported", "Launch with an incompatible input and confirm the app says what input it accepts."),
        new("1C", "Form filters input types and has validation rules", "Inspect the form's type filters and validation rules."),
        new("2A", "No crash; failures are graceful and reported", "Provoke an error (bad input, API failure) and confirm the user is told what happened."),
        new("2B", "The app does not stall", "Confirm every launch reaches Complete or Aborted."),
        new("2C", "Errors reported via AppSession Status, StatusSummary and Logs", "Confirm failures set Aborted with a StatusSummary."),
        new("3A", "Status reported via AppSession Status, StatusSummary and Logs", "Confirm the StatusSummary is updated during and at the end of a run."),
        new("3B", "AppSession marked Complete on success", "Confirm a successful run ends with Status Complete."),
        new("4A", "Appropriate OAuth flow (web vs device)", "Confirm the app uses the web or device flow that suits it."),
        new("4B", "Minimal scope requested", "Compare the scopes requested with the calls the app makes."),
        new("4C", "Pre-authorized when triggered from BaseSpace", "Check the app's launch permission settings in the developer portal."),
        new("5A", "Results written to a project the user can write", "Confirm AppResults land in the chosen output project."),
        new("5B", "Results written to the specified AppResult or Project", "Confirm the output location follows the user's input."),
        new("5C", "AppResults linked to the AppSession before Complete", "Confirm the AppResult references the AppSession and Complete comes after."),
        new("6A", "Properties tagged on each AppResult", "Confirm Input.Samples/Projects/AppResults properties on each AppResult."),
        new("6B", "Properties written on the AppSession", "Confirm the AppSession carries its inputs and outputs as properties."),
        new("7A", "Documentation and instructions for users", "Read the app's documentation and instructions."),
        new("7B", "Known limitations stated in the description", "Read the Long Description's Known App Limitations section."),
        new("7C", "Version shown in reports and the GUI", "Confirm the version is visible in the app and in its reports."),
        new("7D", "Support link has a phone number or email", "Check the support link for a phone number or email address."),
        new("8A", "Valid SSL certificate", "Open the app in a browser: no certificate warning."),
        new("8B", "User data never shared with an external source", "Review the app's data flows and privacy policy: no machine can see server-side sharing."),
        new("8C", "Access token never exposed in UI, links or URLs", "Look for the token in URLs, pages, storage, cookies and the console."),
        new("8D", "Multi-tenant: each user sees only their own data", "Use the app as two users at once and compare what each sees."),
        new("8E", "No information about other users' data, usage or patterns", "Look for other users' names, projects or activity in the app."),
        new("8F", "BaseSpace data not stored outside BaseSpace", "Confirm downloaded data is removed after the session."),
        new("8G", "No redirects or links to other products or services", "Review the app's links and redirects (public data sources allowed)."),
        new("9A", "A link back to BaseSpace", "Confirm the app shows a link back to BaseSpace."),
        new("9B", "Single sign-on; logout returns to BaseSpace", "Launch the app: no login or sign-up; logging out returns to BaseSpace."),
        new("9C", "No contact without the user's opt-in", "Check for email opt-in before any contact."),
        new("9D", "Full functionality regardless of opt-in", "Use the app without opting in."),
        new("9E", "Appropriate categories selected", "Check the app's categories in the developer portal."),
        new("9F", "Example dataset share links provided", "Check the description for example dataset links."),
    ];

    public static ChecklistItem Find(string id) =>
        Items.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"'{id}' is not a checklist item (1A … 9F)", nameof(id));
}
