using ConformanceHarness.Cli;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("conform");
    config.AddCommand<CertifyCommand>("certify")
        .WithDescription("Certify a BaseSpace app against the App Review technical checklist. Without --profile: the bundled reference app.")
        .WithExample("certify")
        .WithExample("certify", "--profile", "myapp.yaml", "--out", "out/myapp")
        .WithExample("certify", "--profile", "myapp.yaml", "--only", "8C,9B");
    config.AddCommand<ReportCommand>("report")
        .WithDescription("Show a finished report; with --against, which checks changed status since an earlier one (exit 1 on a regression).")
        .WithExample("report", "out/nightly-2026-12-04")
        .WithExample("report", "out/tonight", "--against", "out/last-night");
    config.AddCommand<SelfTestCommand>("selftest")
        .WithDescription("Prove the harness on this machine: the bundled reference app passes every check clean, and each of its flaws fails exactly its checks.")
        .WithExample("selftest")
        .WithExample("selftest", "--flaws", "token-in-url,login-wall");
    config.AddCommand<FakeCommand>("fake")
        .WithDescription("Serve the fake BaseSpace for developing an app against it, until Ctrl-C or SIGTERM. Prints the environment for your app and a token per user.")
        .WithExample("fake")
        .WithExample("fake", "--info", "fake.json", "--app-url", "https://127.0.0.1:8443")
        .WithExample("fake", "--api-port", "41001", "--web-port", "41002", "--client-id", "my-app", "--client-secret", "my-app-secret");
});
var code = app.Run(args);
// Spectre answers bad command lines with -1; the contract says 2 ("could not judge").
return code < 0 ? 2 : code;
