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
});
var code = app.Run(args);
// Spectre answers bad command lines with -1; the contract says 2 ("could not judge").
return code < 0 ? 2 : code;
