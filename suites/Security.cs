using NUnit.Framework;

namespace ConformanceHarness.Suites;

/// <summary>8A "Valid SSL certificate": the user is never confronted with a browser certificate warning.</summary>
[TestFixture]
public sealed class Security : ChecklistSuite
{
    [Test, Check("8A.valid-certificate", "The app serves HTTPS with a certificate a browser accepts")]
    public async Task ValidCertificate()
    {
        var tls = await Session.TlsAsync();
        var evidence = new[] { tls.CertificateFile, tls.Visit.Files.Requests, tls.Visit.Files.Screenshot };
        var certificate = tls.Certificate;
        var described = certificate is null ? "no certificate could be read"
            : $"subject {certificate.Subject}, issued by {(certificate.SelfSigned ? "itself (self-signed)" : certificate.Issuer)}, " +
              $"for {string.Join(", ", certificate.Names)}, valid {certificate.NotBefore:yyyy-MM-dd} to {certificate.NotAfter:yyyy-MM-dd}, {certificate.Protocol}";
        if (tls.AppUrl.Scheme != Uri.UriSchemeHttps)
        {
            Fail($"The app is served over plain HTTP ({tls.AppUrl}): no certificate, no encryption.",
                "Serve the app over HTTPS with a certificate from a public CA (in the test: APP_TLS_CERT_FILE and APP_TLS_KEY_FILE).", evidence);
            return;
        }
        PassIf(tls.NavigationError is null || !IsCertificateError(tls.NavigationError),
            pass: $"The browser accepted the app's certificate ({described}).",
            fail: $"The browser refused the app's certificate: {tls.NavigationError} ({described}).",
            hint: "Serve a certificate from a CA browsers trust, naming the app's host, within its validity dates (in the test: use APP_TLS_CERT_FILE and APP_TLS_KEY_FILE as given).",
            evidence);
    }

    private static bool IsCertificateError(string error) =>
        error.Contains("ERR_CERT", StringComparison.Ordinal) || error.Contains("ERR_SSL", StringComparison.Ordinal);
}
