using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace ConformanceHarness.Apps;

/// <summary>The certificate an already-running app serves, read without judging it (8A judges it).</summary>
public static class AppCertificate
{
    /// <summary>The app's leaf certificate, or null for plain HTTP or when nothing answers in time.</summary>
    public static async Task<X509Certificate2?> ReadAsync(Uri appUrl, TimeSpan timeout)
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
            return tls.RemoteCertificate is { } certificate ? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()) : null;
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            return null;
        }
    }
}
