using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace FakeBaseSpace.Http;

/// <summary>
/// One HTTPS origin on WireMock.Net: a single catch-all mapping whose callback hands each request to a plain
/// C# handler. WireMock matches nothing itself, so doubled slashes and odd paths reach our router intact.
/// </summary>
internal sealed class WireMockTransport : IDisposable
{
    private readonly WireMockServer _server;

    public WireMockTransport(string origin, int port, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, int logSize,
        FaultPlan faults, Action<JournalEntry> journalFault, Func<HttpCall, Reply> handle)
    {
        // WireMock serializes its settings to JSON on start, which fails on an in-memory EC certificate
        // (X509Certificate2.PrivateKey throws), so it gets the certificate as a PKCS#12 file, removed once loaded.
        using (var pfx = PrivatePfxFile.Write(certificate))
        {
            _server = WireMockServer.Start(new WireMockServerSettings
            {
                Urls = [$"https://127.0.0.1:{port}"],
                UseSSL = true,
                CertificateSettings = new WireMockCertificateSettings { X509CertificateFilePath = pfx.Path, X509CertificatePassword = pfx.Password },
                MaxRequestLogCount = logSize,
                // Raw uploads must survive byte for byte, and we parse bodies ourselves.
                DisableRequestBodyDecompressing = true,
                DisableJsonBodyParsing = true,
                DisableDeserializeFormUrlEncoded = true,
                DoNotSaveDynamicResponseInLogEntry = true,
                // Faults act before WireMock: only there can a connection be dropped.
                PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use((context, next) =>
                    InjectFault(origin, faults, journalFault, context, next)),
            });
        }
        _server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(message => ToResponse(handle(ToCall(message)))));
        Origin = $"https://127.0.0.1:{_server.Ports[0]}";
    }

    /// <summary>"https://127.0.0.1:PORT".</summary>
    public string Origin { get; }

    public void Dispose() => _server.Dispose();

    private static async Task InjectFault(string origin, FaultPlan faults, Action<JournalEntry> journal, HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (faults.Take(origin, request.Method, request.Path.Value ?? "/") is not { } fault)
        {
            await next();
            return;
        }
        if (fault.Latency > TimeSpan.Zero) await Task.Delay(fault.Latency, context.RequestAborted);
        if (!fault.DropConnection && fault.StatusCode is null)
        {
            await next();
            return;
        }
        var status = fault.DropConnection ? 0 : fault.StatusCode!.Value;
        journal(new JournalEntry(DateTimeOffset.UtcNow, origin, request.Method, request.Path.Value + request.QueryString.Value, status,
            null, null, null, null, null, [], null, fault.DropConnection ? "[connection dropped by fault injection]" : "[injected fault]"));
        if (fault.DropConnection)
        {
            context.Abort();
            return;
        }
        context.Response.StatusCode = status;
        if (fault.RetryAfter is { } retry)
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json; charset=utf-8";
        var message = $"Injected fault: HTTP {status}";
        var segments = (request.Path.Value ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries);
        // Token and device clients parse {"error","error_description"} even from a 5xx.
        object body = origin == "api" && FakeBaseSpace.Api.OAuthEndpoints.IsOAuthPath(segments)
            ? FakeBaseSpace.Api.OAuthEndpoints.ErrorBody(FakeBaseSpace.Api.OAuthEndpoints.ErrorFor(status), message)
            : FakeBaseSpace.Api.Wire.Error("BASESPACE.COMMON.INJECTED_FAULT", message);
        await context.Response.Body.WriteAsync(Reply.Json(status, body).Body);
    }

    private static HttpCall ToCall(IRequestMessage message)
    {
        var headers = (message.Headers ?? new Dictionary<string, WireMockList<string>>())
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var cookies = message.Cookies ?? new Dictionary<string, string>();
        return new HttpCall(message.Method, message.Path, message.RawQuery ?? "", headers, cookies, message.BodyData?.BodyAsBytes ?? []);
    }

    private static ResponseMessage ToResponse(Reply reply)
    {
        var response = new ResponseMessage
        {
            StatusCode = reply.StatusCode,
            BodyData = new BodyData { BodyAsBytes = reply.Body, DetectedBodyType = BodyType.Bytes },
        };
        response.AddHeader("Content-Type", reply.ContentType);
        response.AddHeader("Cache-Control", "no-store");
        foreach (var (name, value) in reply.Headers) response.AddHeader(name, value);
        return response;
    }
}

/// <summary>A certificate with its key in a PKCS#12 file only the owner can read, deleted on dispose.</summary>
internal sealed class PrivatePfxFile : IDisposable
{
    private PrivatePfxFile(string path, string password)
    {
        Path = path;
        Password = password;
    }

    public string Path { get; }
    public string Password { get; }

    public static PrivatePfxFile Write(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        var password = RandomSecret.Create(18);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fakebasespace-{Guid.NewGuid():N}.pfx");
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            stream.Write(certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, password));
        }
        return new PrivatePfxFile(path, password);
    }

    public void Dispose() => File.Delete(Path);
}
