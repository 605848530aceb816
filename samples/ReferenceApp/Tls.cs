using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ReferenceApp;

public static class Tls
{
    /// <summary>
    /// Loads the app's PEM certificate and key. The round trip through PKCS#12 is needed because on Linux
    /// Kestrel cannot use a key that only lives in the ephemeral PEM import.
    /// </summary>
    public static X509Certificate2 LoadServerCertificate(string certFile, string keyFile)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certFile, keyFile);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pfx, password), password);
    }

    /// <summary>
    /// The self-signed-certificate flaw: a certificate nobody vouches for, naming the right hosts, which a
    /// user's browser warns about.
    /// </summary>
    public static X509Certificate2 SelfSignedServerCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx, password), password);
    }

    /// <summary>
    /// An HTTP handler for BaseSpace calls that trusts the given CA and nothing else. Validation stays fully
    /// on (chain and host name); only the root store is replaced.
    /// </summary>
    public static SocketsHttpHandler BaseSpaceHandler(string caFile)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(caFile);
        if (roots.Count == 0) throw new InvalidOperationException($"BASESPACE_CA_FILE holds no certificate: {caFile}");

        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck, // a test CA publishes no revocation lists
        };
        policy.CustomTrustStore.AddRange(roots);
        return new SocketsHttpHandler
        {
            SslOptions = { CertificateChainPolicy = policy },
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
    }
}
