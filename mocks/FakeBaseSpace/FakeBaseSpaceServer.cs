using FakeBaseSpace.Api;
using FakeBaseSpace.Http;
using FakeBaseSpace.Web;

namespace FakeBaseSpace;

/// <summary>
/// BaseSpace on loopback: the API origin ({ApiOrigin}/v1pre3/…) and the web origin (sign-in, consent,
/// launcher, front page), both HTTPS, sharing one <see cref="BaseSpaceState"/>.
/// </summary>
public sealed class FakeBaseSpaceServer : IDisposable
{
    private readonly WireMockTransport _api;
    private readonly WireMockTransport _web;

    private FakeBaseSpaceServer(WireMockTransport api, WireMockTransport web, BaseSpaceState state, FaultPlan faults)
    {
        _api = api;
        _web = web;
        State = state;
        Faults = faults;
    }

    public BaseSpaceState State { get; }

    /// <summary>Faults to inject on either origin (latency, error statuses, dropped connections).</summary>
    public FaultPlan Faults { get; }

    /// <summary>"https://127.0.0.1:PORT".</summary>
    public string ApiOrigin => _api.Origin;

    /// <summary>ApiOrigin + "/v1pre3".</summary>
    public string ApiUrl => ApiOrigin + "/v1pre3";

    /// <summary>"https://127.0.0.1:PORT2", no trailing slash.</summary>
    public string WebUrl => _web.Origin;

    /// <summary>Starts both origins and seeds the default tenants.</summary>
    public static FakeBaseSpaceServer Start(FakeServerOptions options)
    {
        var seed = SeedData.Load(options.SeedFile); // a bad seed file fails before any port is taken
        // The state needs both origins (for absolute links) and the surfaces need the state, so the transports
        // start first and reach their surface (and the journal) through variables set just after.
        ApiSurface? apiSurface = null;
        WebSurface? webSurface = null;
        BaseSpaceState? state = null;
        var faults = new FaultPlan();
        void JournalFault(JournalEntry entry) => state?.Journal.Record(entry with { Path = state.Mask(entry.Path) });
        var api = new WireMockTransport("api", options.ApiPort, options.Certificate, options.TransportLogSize, faults, JournalFault,
            call => apiSurface!.Handle(call));
        WireMockTransport web;
        try
        {
            web = new WireMockTransport("web", options.WebPort, options.Certificate, options.TransportLogSize, faults, JournalFault,
                call => webSurface!.Handle(call));
        }
        catch
        {
            api.Dispose();
            throw;
        }
        state = new BaseSpaceState(api.Origin, web.Origin, options.DeviceCodeLifetime, seed);
        apiSurface = new ApiSurface(state);
        webSurface = new WebSurface(state);
        return new FakeBaseSpaceServer(api, web, state, faults);
    }

    public void Dispose()
    {
        _api.Dispose();
        _web.Dispose();
    }
}
