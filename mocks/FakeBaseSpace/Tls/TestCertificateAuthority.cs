using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FakeBaseSpace.Tls;

/// <summary>
/// A private certificate authority for loopback HTTPS: it signs the fake's certificate and the app under
/// test's. It lives in a state folder and is reused across runs (so a developer can trust it once), and is
/// renewed when it is near expiry. Nothing is written to the system trust store.
/// </summary>
public sealed class TestCertificateAuthority
{
    private static readonly TimeSpan CaLifetime = TimeSpan.FromDays(365);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);
    private static readonly TimeSpan LeafLifetime = TimeSpan.FromDays(30);
    private const string CaCertFile = "ca.pem";
    private const string CaKeyFile = "ca.key.pem";

    private readonly X509Certificate2 _ca;

    private TestCertificateAuthority(X509Certificate2 ca, string caPemPath)
    {
        _ca = ca;
        CaPemPath = caPemPath;
    }

    /// <summary>PEM file of the CA certificate: what a client trusts to reach servers it signed.</summary>
    public string CaPemPath { get; }

    public X509Certificate2 Certificate => _ca;

    /// <summary>Loads the CA kept in <paramref name="stateDir"/>, making (or renewing) it when needed.</summary>
    public static TestCertificateAuthority LoadOrCreate(string stateDir)
    {
        Directory.CreateDirectory(stateDir);
        var certPath = Path.Combine(stateDir, CaCertFile);
        var keyPath = Path.Combine(stateDir, CaKeyFile);
        // Several runs may start at once (parallel test assemblies): one makes the CA, the others wait for it.
        using var _ = AcquireLock(Path.Combine(stateDir, "ca.lock"), TimeSpan.FromSeconds(30));
        var existing = TryLoad(certPath, keyPath);
        if (existing is not null && existing.NotAfter.ToUniversalTime() - DateTime.UtcNow > RenewBefore)
            return new TestCertificateAuthority(existing, certPath);

        var created = CreateCa();
        WriteAtomically(certPath, created.ExportCertificatePem());
        WriteAtomically(keyPath, created.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        TryRestrictToOwner(keyPath);
        return new TestCertificateAuthority(created, certPath);
    }

    /// <summary>
    /// Issues a server certificate naming 127.0.0.1, ::1 and localhost (clients check the host name), plus
    /// any extra DNS names, with a private key usable by Kestrel on Linux.
    /// </summary>
    public X509Certificate2 IssueServerCertificate(params string[] extraDnsNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost, O=ConformanceHarness test server", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        san.AddDnsName("localhost");
        foreach (var name in extraDnsNames) san.AddDnsName(name);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_ca, true, false));

        var notBefore = DateTimeOffset.UtcNow.AddMinutes(-5);
        var notAfter = DateTimeOffset.UtcNow.Add(LeafLifetime);
        if (notAfter > _ca.NotAfter) notAfter = _ca.NotAfter.ToUniversalTime();
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(_ca, notBefore, notAfter, serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        // On Linux an ephemeral key is not usable by the TLS stack until it round-trips through PKCS#12.
        const string transit = "transit";
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx, transit), transit,
            X509KeyStorageFlags.Exportable);
    }

    /// <summary>Writes a certificate and its private key as PEM files (the environment contract's form).</summary>
    public static void WritePem(X509Certificate2 certificate, string certPath, string keyPath)
    {
        WriteAtomically(certPath, certificate.ExportCertificatePem());
        var key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("certificate has no EC private key");
        WriteAtomically(keyPath, key.ExportPkcs8PrivateKeyPem());
        TryRestrictToOwner(keyPath);
    }

    /// <summary>True when <paramref name="certificate"/> chains to this CA alone.</summary>
    public bool Signed(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static X509Certificate2 CreateCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=ConformanceHarness Test CA {DateTime.UtcNow:yyyy-MM-dd}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.Add(CaLifetime));
        const string transit = "transit";
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx, transit), transit,
            X509KeyStorageFlags.Exportable);
    }

    private static X509Certificate2? TryLoad(string certPath, string keyPath)
    {
        if (!File.Exists(certPath) || !File.Exists(keyPath)) return null;
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certPath, keyPath);
            const string transit = "transit";
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pfx, transit), transit,
                X509KeyStorageFlags.Exportable);
        }
        catch (CryptographicException)
        {
            return null; // unreadable: make a new one
        }
    }

    private static IDisposable AcquireLock(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }

    private static void WriteAtomically(string path, string content)
    {
        var temp = path + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
    }

    private static void TryRestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
