using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ReferenceApp;

var config = AppConfig.FromEnvironment(Environment.GetEnvironmentVariable, out var problems);
if (config is null) return CannotStart(problems);
X509Certificate2 serverCertificate;
SocketsHttpHandler baseSpaceHandler;
try
{
    serverCertificate = config.Flaws[Flaw.SelfSignedCertificate]
        ? Tls.SelfSignedServerCertificate()
        : Tls.LoadServerCertificate(config.TlsCertFile, config.TlsKeyFile);
    baseSpaceHandler = Tls.BaseSpaceHandler(config.CaFile);
}
catch (Exception e) when (e is CryptographicException or InvalidOperationException or IOException)
{
    return CannotStart([$"the TLS files could not be read: {e.Message}"]);
}

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders().AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
// Framework request logs print full URLs, query strings included: keep them out of the console.
// A failed start is reported by CannotStart in one line, not by the host's stack trace.
builder.Logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("System", LogLevel.Warning)
    .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, config.Port,
    listen => listen.UseHttps(serverCertificate)));

builder.Services.AddSingleton(config);
builder.Services.AddSingleton(new HttpClient(baseSpaceHandler)
{
    BaseAddress = new Uri(config.ApiUrl.AbsoluteUri.TrimEnd('/') + "/"),
    Timeout = TimeSpan.FromSeconds(60),
});
builder.Services.AddSingleton<BaseSpaceClient>().AddSingleton<SessionStore>().AddSingleton<Analysis>()
    .AddSingleton<Pages>().AddSingleton<SignIn>();

var app = builder.Build();
app.MapReferenceApp(config);

try
{
    await app.StartAsync();
}
catch (IOException e)
{
    return CannotStart([$"cannot listen on 127.0.0.1:{config.Port}: {e.Message}"]);
}
app.Logger.LogInformation("{App} v{Version} on https://127.0.0.1:{Port} (public URL {Url}); flaws: {Flaws}",
    AppConfig.AppName, AppConfig.Version, config.Port, config.AppUrl, config.Flaws);
await app.WaitForShutdownAsync();
return 0;

static int CannotStart(IEnumerable<string> problems)
{
    Console.Error.WriteLine($"Reference App cannot start:\n  {string.Join("\n  ", problems)}");
    return 1;
}
