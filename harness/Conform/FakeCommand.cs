using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text.Json;
using ConformanceHarness.Apps;
using FakeBaseSpace;
using FakeBaseSpace.Tls;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ConformanceHarness.Cli;

/// <summary>
/// `conform fake`: the fake BaseSpace as a dev server. Prints (and writes to --info) the environment
/// contract for the developer's app, and per seeded user an access token and a Running AppSession.
/// Serves until SIGINT or SIGTERM.
/// </summary>
public sealed class FakeCommand : AsyncCommand<FakeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--info <FILE>")]
        [Description("Also write the coordinates, credentials and users as JSON to FILE.")]
        public string? Info { get; init; }

        [CommandOption("--seed <FILE>")]
        [Description("Seed users, projects, samples and files from a JSON file instead of the two default tenants.")]
        public string? Seed { get; init; }

        [CommandOption("--api-port <PORT>")]
        [Description("Serve the API on this port (default: a free one). Match the profile's fake.apiPort to certify against it later.")]
        public int ApiPort { get; init; }

        [CommandOption("--web-port <PORT>")]
        [Description("Serve the web site on this port (default: a free one).")]
        public int WebPort { get; init; }

        [CommandOption("--app-url <URL>")]
        [Description("Your app's base URL: its redirect URIs must be on it, and APP_PORT/APP_URL follow it. Default https://127.0.0.1:8443.")]
        public string AppUrl { get; init; } = "https://127.0.0.1:8443";

        [CommandOption("--launch-path <PATH>")]
        [Description("Where BaseSpace sends the browser on launch. Default /launch.")]
        public string LaunchPath { get; init; } = "/launch";

        [CommandOption("--client-id <ID>")]
        [Description("Fixed client id for your app (default: a fresh one).")]
        public string? ClientId { get; init; }

        [CommandOption("--client-secret <SECRET>")]
        [Description("Fixed client secret for your app (default: a fresh one).")]
        public string? ClientSecret { get; init; }

        public override ValidationResult Validate() =>
            !Uri.TryCreate(AppUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps ? ValidationResult.Error($"--app-url must be an absolute https URL, not '{AppUrl}'")
            : !LaunchPath.StartsWith('/') ? ValidationResult.Error($"--launch-path must start with '/', not '{LaunchPath}'")
            : Seed is not null && !File.Exists(Seed) ? ValidationResult.Error($"--seed {Seed}: no such file")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var stateDirectory = RunSettings.DefaultStateDirectory();
        var ca = TestCertificateAuthority.LoadOrCreate(stateDirectory);
        using var fake = FakeBaseSpaceServer.Start(new FakeServerOptions
        {
            Certificate = ca.IssueServerCertificate(),
            ApiPort = settings.ApiPort,
            WebPort = settings.WebPort,
            SeedFile = settings.Seed is null ? null : Path.GetFullPath(settings.Seed),
        });
        var appUrl = new Uri(settings.AppUrl);
        var setup = fake.State.CreateDeveloperSetup(appUrl.GetLeftPart(UriPartial.Authority), new Uri(appUrl, settings.LaunchPath).ToString(),
            clientId: settings.ClientId, clientSecret: settings.ClientSecret);

        // A certificate for the developer's app, from the same CA, kept with it in the state folder.
        var tlsCert = Path.Combine(stateDirectory, "dev-app.crt.pem");
        var tlsKey = Path.Combine(stateDirectory, "dev-app.key.pem");
        TestCertificateAuthority.WritePem(ca.IssueServerCertificate(), tlsCert, tlsKey);
        var environment = new AppEnvironment(fake.ApiUrl, fake.WebUrl, setup.App.ClientId, setup.App.ClientSecret, ca.CaPemPath,
            appUrl.Port, appUrl.GetLeftPart(UriPartial.Authority), tlsCert, tlsKey);

        Print(fake, setup, environment);
        if (settings.Info is not null) WriteInfo(settings.Info, fake, setup, environment);

        var stop = new TaskCompletionSource();
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await stop.Task.WaitAsync(cancellationToken);
        AnsiConsole.MarkupLine("Fake BaseSpace stopped.");
        return 0;

        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true; // we stop ourselves, cleanly
            stop.TrySetResult();
        }
    }

    private static void Print(FakeBaseSpaceServer fake, DeveloperSetup setup, AppEnvironment environment)
    {
        var console = AnsiConsole.Console;
        console.MarkupLineInterpolated($"[bold]Fake BaseSpace[/] API {fake.ApiUrl}  web {fake.WebUrl}");
        console.MarkupLine("Start your app with this environment (the harness's contract):");
        foreach (var (name, value) in environment.ToVariables())
            console.WriteLine($"  export {name}={value}");
        var users = new Table().AddColumns("user", "id", "access token", "project", "sample", "Running AppSession");
        foreach (var user in setup.Users)
            users.AddRow(Markup.Escape($"{user.Name} <{user.Email}>"), user.Id, Markup.Escape(user.AccessToken), user.ProjectId, user.SampleId, user.AppSessionId);
        console.Write(users);
        console.MarkupLineInterpolated($"Launch as a user: open {fake.WebUrl}/apps/launch/<AppSession id>. Serving until Ctrl-C (SIGINT) or SIGTERM.");
    }

    private static void WriteInfo(string path, FakeBaseSpaceServer fake, DeveloperSetup setup, AppEnvironment environment)
    {
        var info = new
        {
            apiUrl = fake.ApiUrl,
            webUrl = fake.WebUrl,
            clientId = setup.App.ClientId,
            clientSecret = setup.App.ClientSecret,
            caFile = environment.CaFile,
            environment = environment.ToVariables(),
            users = setup.Users.Select(u => new
            {
                id = u.Id, name = u.Name, email = u.Email, accessToken = u.AccessToken,
                projectId = u.ProjectId, sampleId = u.SampleId, appSessionId = u.AppSessionId,
            }),
        };
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Written whole under a temporary name, so a script waiting for the file never reads half of it.
        File.WriteAllText(full + ".tmp", JsonSerializer.Serialize(info, new JsonSerializerOptions { WriteIndented = true }));
        File.Move(full + ".tmp", full, overwrite: true);
    }
}
