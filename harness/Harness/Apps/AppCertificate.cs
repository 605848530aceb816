using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace ConformanceHarness.Apps;

/// <summary>What the app presents in its TLS handshake.</summary>
public sealed record ServedCertificate(X509Certificate2 Certificate, SslProtocols Protocol)
{
    /// <summary>Plain facts for a report: who it names, who vouches for it, until when.</summary>
    public CertificateFacts Facts()
    {
        var names = Certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>()
            .SelectMany(san => san.EnumerateDnsNames().Concat(san.EnumerateIPAddresses().Select(ip => ip.ToString())))
            .ToList();
        return new CertificateFacts(Certificate.Subject, Certificate.Issuer, Certificate.NotBefore.ToUniversalTime(),
            Certificate.NotAfter.ToUniversalTime(), names, Certificate.SubjectName.RawData.AsSpan().SequenceEqual(Certificate.IssuerName.RawData),
            Protocol.ToString());
    }
}

public sealed record CertificateFacts(string Subject, string Issuer, DateTime NotBefore, DateTime NotAfter,
    IReadOnlyList<string> Names, bool SelfSigned, string Protocol);

/// <summary>The certificate an app serves, read without judging it (the browser and 8A judge it).</summary>
public static class AppCertificate
{
    /// <summary>The app's leaf certificate and protocol, or null for plain HTTP or when nothing answers in time.</summary>
    public static async Task<ServedCertificate?> ReadAsync(Uri appUrl, TimeSpan timeout)
    {
        if (appUrl.Scheme != Uri.UriSchemeHttps) return null;
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(appUrl.Host, appUrl.Port, cancel.Token);
            await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = appUrl.Host,
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
            }, cancel.Token);
            return tls.RemoteCertificate is { } certificate
                ? new ServedCertificate(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()), tls.SslProtocol)
                : null;
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or AuthenticationException)
        {
            return null;
        }
    }
}
