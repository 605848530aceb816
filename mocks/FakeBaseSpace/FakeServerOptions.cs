using System.Security.Cryptography.X509Certificates;

namespace FakeBaseSpace;

public sealed class FakeServerOptions
{
    /// <summary>Leaf certificate with its private key, naming 127.0.0.1 and localhost.</summary>
    public required X509Certificate2 Certificate { get; init; }

    /// <summary>0 = a free port.</summary>
    public int ApiPort { get; init; }

    /// <summary>0 = a free port.</summary>
    public int WebPort { get; init; }

    /// <summary>
    /// A JSON file of tenants (and optionally the public dataset) to seed instead of the default users A and B:
    /// {"tenants":[{"name","email","project","sample","files":[{"name","text"}]}],"publicDataset":{…}}.
    /// </summary>
    public string? SeedFile { get; init; }

    /// <summary>How long a device-flow code stays valid (BaseSpace: 1800 s).</summary>
    public TimeSpan DeviceCodeLifetime { get; init; } = TimeSpan.FromSeconds(1800);

    /// <summary>How many requests WireMock itself keeps in its log (the journal keeps every call regardless).</summary>
    public int TransportLogSize { get; init; } = 100;
}
