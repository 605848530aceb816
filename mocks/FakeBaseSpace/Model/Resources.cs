namespace FakeBaseSpace;

public sealed record User(string Id, string Name, string Email, DateTimeOffset DateCreated);

public sealed record Project(string Id, string Name, string Description, string OwnerId, DateTimeOffset DateCreated);

public sealed record Sample(string Id, string Name, string ProjectId, string OwnerId, int SampleNumber, string ExperimentName,
    DateTimeOffset DateCreated);

/// <summary>A seeded user with the data only they may see.</summary>
public sealed record Tenant(User User, Project Project, Sample Sample);

/// <summary>A third-party app as BaseSpace knows it: its OAuth client and where it is launched.</summary>
public sealed record RegisteredApp(string Id, string ClientId, string ClientSecret, string Name, string AppOrigin, string LaunchUrl)
{
    public string CompanyName { get; init; } = "";
    public string VersionNumber { get; init; } = "";
}

/// <summary>What starting an app from BaseSpace produced: the session, its pre-authorized code and the URLs.</summary>
public sealed record AppLaunch(string AppSessionId, string AppSessionUri, string AuthorizationCode, string WebLaunchUrl, string TriggerUrl);

/// <summary>How BaseSpace hands the app its access on launch.</summary>
public enum LaunchMode
{
    /// <summary>The trigger carries an authorization code with the launch form's scopes (the recommended flow).</summary>
    PreAuthorized,

    /// <summary>The trigger carries no code; the app must send the user through /oauth/authorize (older apps).</summary>
    NotPreAuthorized,
}

public sealed record StatusChange(DateTimeOffset Time, string Status, string StatusSummary);

public sealed record AppSessionSnapshot(string Id, string UserId, string Status, string StatusSummary, DateTimeOffset? DateCompleted,
    IReadOnlyList<StatusChange> History, IReadOnlyList<string> AppResultIds)
{
    /// <summary>The AppSession's properties: the launch form's Input.* and what the app wrote (Output.*).</summary>
    public IReadOnlyList<PropertySnapshot> Properties { get; init; } = [];
}

/// <summary>A link from one resource to another ("Input" sample, "using" sample), kept as BaseSpace's href.</summary>
internal sealed record ResourceReference(string Rel, ResourceKey Target);

/// <summary>A resource's collection and id, e.g. ("samples", "3001"); its href is "v1pre3/samples/3001".</summary>
internal sealed record ResourceKey(string Collection, string Id)
{
    public string Href => $"v1pre3/{Collection}/{Id}";

    /// <summary>Accepts "v1pre3/samples/1", "samples/1", "/v1pre3/samples/1" and absolute URLs.</summary>
    public static ResourceKey? TryParse(string? href)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        var path = Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http") ? absolute.AbsolutePath : href;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 0 && parts[0].Equals("v1pre3", StringComparison.OrdinalIgnoreCase)) parts = parts[1..];
        return parts.Length == 2 ? new ResourceKey(parts[0].ToLowerInvariant(), parts[1]) : null;
    }
}

internal enum UploadStatus { Pending, Complete, Aborted }

internal sealed class BaseSpaceFile
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Directory { get; init; }
    public required string ContentType { get; init; }
    public required ResourceKey Parent { get; init; }

    /// <summary>The project whose access rules apply; null for AppSession log files (the session's rules apply).</summary>
    public required string? ProjectId { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
    public byte[] Content { get; set; } = [];
    public UploadStatus UploadStatus { get; set; } = UploadStatus.Complete;
    public SortedDictionary<int, byte[]> Parts { get; } = [];

    public string Path => Directory.Length == 0 ? Name : Directory.TrimEnd('/') + "/" + Name;
}

internal sealed class AppSession
{
    public required string Id { get; init; }
    public required RegisteredApp App { get; init; }
    public required string UserId { get; init; }
    public required string Name { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
    public required string OriginatingUri { get; init; }
    public string Status { get; set; } = AppSessionStatus.Running;
    public string StatusSummary { get; set; } = "";
    public DateTimeOffset ModifiedOn { get; set; }
    public DateTimeOffset? DateCompleted { get; set; }
    public List<ResourceReference> References { get; } = [];
    public List<StatusChange> History { get; } = [];
    public List<string> AppResultIds { get; } = [];
    public string? TriggerUrl { get; set; }

    public bool IsFrozen => Status is AppSessionStatus.Complete or AppSessionStatus.Aborted;

    public AppSessionSnapshot Snapshot() =>
        new(Id, UserId, Status, StatusSummary, DateCompleted, History.ToArray(), AppResultIds.ToArray());
}

internal static class AppSessionStatus
{
    public const string Running = "Running";
    public const string Complete = "Complete";
    public const string NeedsAttention = "NeedsAttention";
    public const string TimedOut = "TimedOut";
    public const string Aborted = "Aborted";

    private static readonly string[] All = [Running, Complete, NeedsAttention, TimedOut, Aborted];

    /// <summary>Clients send "complete", "Complete", "COMPLETE": all are Complete.</summary>
    public static string? Canonical(string? value) =>
        All.FirstOrDefault(s => string.Equals(s, value?.Trim(), StringComparison.OrdinalIgnoreCase));
}

internal sealed class AppResult
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string ProjectId { get; init; }
    public required string UserId { get; init; }
    public required string AppSessionId { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
    public List<ResourceReference> References { get; } = [];
}

/// <summary>A named property on a resource; references are kept as resource keys, scalars as text.</summary>
internal sealed class Property
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    public string Description { get; init; } = "";
    public string? Content { get; init; }
    public ResourceKey? ContentReference { get; init; }
    public IReadOnlyList<string>? Items { get; init; }
    public IReadOnlyList<ResourceKey>? ItemReferences { get; init; }
    public IReadOnlyList<MapEntry>? ContentMap { get; init; }
    public IReadOnlyList<IReadOnlyList<MapEntry>>? ItemsMap { get; init; }

    public bool IsList => Type.EndsWith("[]", StringComparison.Ordinal);
}

/// <summary>One key of a map property, with its values.</summary>
internal sealed record MapEntry(string Key, IReadOnlyList<string> Values);

/// <summary>Access a token grants: whose it is, which app holds it, which scopes it carries.</summary>
internal sealed record AccessGrant(string Id, string Token, string UserId, RegisteredApp App, ScopeSet Scopes, DateTimeOffset DateCreated)
{
    public string Fingerprint { get; } = SecretFingerprint.Of(Token);
}

/// <summary>A single-use code traded at the token endpoint.</summary>
internal sealed class AuthorizationCode
{
    public required string Code { get; init; }
    public required RegisteredApp App { get; init; }
    public required string UserId { get; init; }
    public required ScopeSet Scopes { get; init; }
    public string? RedirectUri { get; init; }
    public bool Used { get; set; }
}

internal enum DeviceApproval { Pending, Approved, Denied }

/// <summary>A device-flow request: the device polls with the device code while the user approves the user code.</summary>
internal sealed class DeviceAuthorization
{
    public required string DeviceCode { get; init; }
    public required string UserCode { get; init; }
    public required RegisteredApp App { get; init; }
    public required ScopeSet Scopes { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public DeviceApproval Approval { get; set; } = DeviceApproval.Pending;
    public string? UserId { get; set; }
    public bool Used { get; set; }
}
