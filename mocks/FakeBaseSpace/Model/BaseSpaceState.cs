namespace FakeBaseSpace;

/// <summary>
/// Everything BaseSpace knows: users, projects, samples, files, apps, app sessions, app results, properties,
/// tokens and codes. Plain C#; one lock (<see cref="Gate"/>) keeps each API call atomic.
/// </summary>
public sealed class BaseSpaceState
{
    private readonly Dictionary<string, int> _nextIds = new()
    {
        ["users"] = 1001, ["projects"] = 2001, ["samples"] = 3001, ["files"] = 4001,
        ["appsessions"] = 5001, ["appresults"] = 6001, ["apps"] = 7001, ["tokens"] = 8001,
    };
    private readonly SecretRegistry _secrets = new();
    private readonly List<Tenant> _tenants = [];
    private readonly Dictionary<string, string> _webSessions = [];

    internal BaseSpaceState(string apiOrigin, string webUrl, TimeSpan deviceCodeLifetime, SeedData seed)
    {
        ApiOrigin = apiOrigin;
        WebUrl = webUrl;
        DeviceCodeLifetime = deviceCodeLifetime;
        foreach (var tenant in seed.Tenants) _tenants.Add(Seed(tenant));
        PublicDataset = Seed(seed.PublicDataset);
    }

    internal object Gate { get; } = new();
    internal string ApiOrigin { get; }
    internal string WebUrl { get; }
    internal TimeSpan DeviceCodeLifetime { get; }
    internal Dictionary<string, User> Users { get; } = [];
    internal Dictionary<string, Project> Projects { get; } = [];
    internal Dictionary<string, Sample> Samples { get; } = [];
    internal Dictionary<string, BaseSpaceFile> Files { get; } = [];
    internal Dictionary<string, RegisteredApp> Apps { get; } = [];
    internal Dictionary<string, AppSession> AppSessions { get; } = [];
    internal Dictionary<string, AppResult> AppResults { get; } = [];
    internal Dictionary<ResourceKey, List<Property>> Properties { get; } = [];
    internal Dictionary<ResourceKey, HashSet<string>> RemovedProperties { get; } = [];
    internal Dictionary<string, AccessGrant> Grants { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, AuthorizationCode> Codes { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, DeviceAuthorization> DeviceAuthorizations { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, (string FileId, DateTimeOffset Expires)> ContentLinks { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Tenant> Tenants
    {
        get { lock (Gate) return _tenants.ToArray(); }
    }

    /// <summary>A project (with a sample and files) every user can browse and read, and none can write.</summary>
    public Tenant PublicDataset { get; }

    public Journal Journal { get; } = new();

    /// <summary>
    /// How a signed-in user answers /oauth/authorize: asked on a consent page (default), or a scripted user who
    /// approves or denies at once (the consent page is skipped).
    /// </summary>
    public ConsentMode Consent { get; set; } = ConsentMode.Ask;

    /// <summary>
    /// Registers an app as the developer portal does. Credentials are fresh unless given: an app that is
    /// already running was configured with fixed ones.
    /// </summary>
    public RegisteredApp RegisterApp(string name, string companyName, string versionNumber, string appOrigin, string launchUrl,
        string? clientId = null, string? clientSecret = null)
    {
        lock (Gate)
        {
            var id = NextId("apps");
            clientId ??= Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            var app = new RegisteredApp(id, clientId, clientSecret ?? RandomSecret.Create(32), name, appOrigin.TrimEnd('/'), launchUrl)
            {
                CompanyName = companyName,
                VersionNumber = versionNumber,
            };
            _secrets.Register(SecretKind.ClientSecret, app.ClientSecret, null, clientId);
            Apps[id] = app;
            return app;
        }
    }

    /// <summary>
    /// Starts <paramref name="app"/> the way BaseSpace's launch form does: a Running AppSession whose inputs are
    /// the sample and the output project, and (pre-authorized, the default) a code reading the input and writing
    /// the output. Not pre-authorized, the trigger carries no code (<see cref="AppLaunch.AuthorizationCode"/> is
    /// empty): the app reads the session with its client credentials and asks the user through /oauth/authorize.
    /// </summary>
    public AppLaunch LaunchApp(RegisteredApp app, string userId, string inputSampleId, string outputProjectId,
        LaunchMode mode = LaunchMode.PreAuthorized)
    {
        lock (Gate)
        {
            var user = Users.GetValueOrDefault(userId) ?? throw new ArgumentException($"no user {userId}", nameof(userId));
            var sample = Samples.GetValueOrDefault(inputSampleId);
            var project = Projects.GetValueOrDefault(outputProjectId);
            if (sample is null || !CanSee(user.Id, Projects[sample.ProjectId])) throw new ArgumentException($"user {userId} has no sample {inputSampleId}", nameof(inputSampleId));
            if (project is null || project.OwnerId != user.Id) throw new ArgumentException($"user {userId} has no project {outputProjectId}", nameof(outputProjectId));

            var session = CreateAppSession(app, user.Id, $"{app.Name} {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}", $"{WebUrl}/projects/{project.Id}");
            var sampleKey = new ResourceKey("samples", sample.Id);
            var projectKey = new ResourceKey("projects", project.Id);
            session.References.Add(new ResourceReference("Input", sampleKey));
            session.References.Add(new ResourceReference("Input", projectKey));
            var key = new ResourceKey("appsessions", session.Id);
            WriteProperties(key,
            [
                new Property { Name = "Input.sample-id", Type = "sample", ContentReference = sampleKey },
                new Property { Name = "Input.project-id", Type = "project", ContentReference = projectKey },
                new Property { Name = "Input.app-session-name", Type = "string", Content = session.Name },
            ]);

            var appSessionUri = key.Href;
            var separator = app.LaunchUrl.Contains('?') ? '&' : '?';
            // As BaseSpace writes it: the href's slashes unescaped (they are legal in a query).
            session.TriggerUrl = $"{app.LaunchUrl}{separator}action=trigger&appsessionuri={appSessionUri}";
            var code = "";
            if (mode == LaunchMode.PreAuthorized)
            {
                var scopes = ScopeSet.Of(Scope.ForProject("read", sample.ProjectId), Scope.ForProject("write", project.Id));
                code = IssueCode(app, user.Id, scopes, redirectUri: null).Code;
                session.TriggerUrl += $"&authorization_code={Uri.EscapeDataString(code)}";
            }
            return new AppLaunch(session.Id, appSessionUri, code, $"{WebUrl}/apps/launch/{session.Id}", session.TriggerUrl);
        }
    }

    /// <summary>
    /// Registers an app for a developer and gives each tenant a token (scopes "browse global, read global,
    /// create projects, write project &lt;their project&gt;") and a Running AppSession on their sample and project.
    /// </summary>
    public DeveloperSetup CreateDeveloperSetup(string appOrigin, string launchUrl, string appName = "Developer App",
        string? clientId = null, string? clientSecret = null)
    {
        lock (Gate)
        {
            var app = RegisterApp(appName, "Developer", "0.0.0", appOrigin, launchUrl, clientId, clientSecret);
            var users = _tenants.Select(tenant =>
            {
                var scopes = ScopeSet.TryParse($"browse global, read global, create projects, write project {tenant.Project.Id}")!;
                var grant = IssueToken(tenant.User.Id, app, scopes);
                var launch = LaunchApp(app, tenant.User.Id, tenant.Sample.Id, tenant.Project.Id, LaunchMode.NotPreAuthorized);
                return new DeveloperUser(tenant.User.Id, tenant.User.Name, tenant.User.Email, grant.Token, tenant.Project.Id,
                    tenant.Sample.Id, launch.AppSessionId);
            }).ToArray();
            return new DeveloperSetup(app, users);
        }
    }

    /// <summary>Signs <paramref name="userId"/> in on the web origin; the value goes in cookie <see cref="WebSession.CookieName"/>.</summary>
    public string CreateWebSession(string userId)
    {
        lock (Gate)
        {
            if (!Users.ContainsKey(userId)) throw new ArgumentException($"no user {userId}", nameof(userId));
            var value = RandomSecret.Create(24);
            _webSessions[value] = userId;
            return value;
        }
    }

    public AppSessionSnapshot GetAppSession(string appSessionId)
    {
        lock (Gate)
        {
            var session = AppSessions.GetValueOrDefault(appSessionId) ?? throw new KeyNotFoundException($"no AppSession {appSessionId}");
            return session.Snapshot() with { Properties = PropertySnapshots(new ResourceKey("appsessions", session.Id)) };
        }
    }

    /// <summary>The AppResults written into a project, oldest first: what an app wrote back.</summary>
    public IReadOnlyList<AppResultSnapshot> AppResultsIn(string projectId)
    {
        lock (Gate)
            return AppResults.Values.Where(r => r.ProjectId == projectId).OrderBy(r => r.DateCreated).Select(Snapshot).ToList();
    }

    private AppResultSnapshot Snapshot(AppResult result)
    {
        var key = new ResourceKey("appresults", result.Id);
        return new AppResultSnapshot(result.Id, result.Name, result.ProjectId, result.UserId, result.AppSessionId, result.DateCreated,
            result.References.Select(r => new ReferenceSnapshot(r.Rel, r.Target.Href)).ToList(),
            PropertySnapshots(key),
            Files.Values.Where(f => f.Parent == key).Select(f => f.Path).ToList());
    }

    private List<PropertySnapshot> PropertySnapshots(ResourceKey owner) => PropertiesOf(owner).Select(p => p.Snapshot()).ToList();

    public IReadOnlyList<IssuedSecret> IssuedSecrets() => _secrets.Snapshot();

    public string Mask(string text) => _secrets.Mask(text);

    internal User? UserOfWebSession(string? cookieValue)
    {
        lock (Gate)
            return cookieValue is not null && _webSessions.TryGetValue(cookieValue, out var userId) ? Users[userId] : null;
    }

    internal RegisteredApp? AppByClientId(string? clientId) =>
        clientId is null ? null : Apps.Values.FirstOrDefault(a => a.ClientId == clientId);

    internal AccessGrant IssueToken(string userId, RegisteredApp app, ScopeSet scopes)
    {
        var grant = new AccessGrant(NextId("tokens"), RandomSecret.Create(32), userId, app, scopes, DateTimeOffset.UtcNow);
        _secrets.Register(SecretKind.AccessToken, grant.Token, userId, app.ClientId);
        Grants[grant.Token] = grant;
        return grant;
    }

    internal AuthorizationCode IssueCode(RegisteredApp app, string userId, ScopeSet scopes, string? redirectUri)
    {
        var code = new AuthorizationCode { Code = RandomSecret.Create(24), App = app, UserId = userId, Scopes = scopes, RedirectUri = redirectUri };
        _secrets.Register(SecretKind.AuthorizationCode, code.Code, userId, app.ClientId);
        Codes[code.Code] = code;
        return code;
    }

    internal DeviceAuthorization StartDeviceAuthorization(RegisteredApp app, ScopeSet scopes)
    {
        var device = new DeviceAuthorization
        {
            DeviceCode = RandomSecret.Create(32), UserCode = UserCode(), App = app, Scopes = scopes,
            ExpiresAt = DateTimeOffset.UtcNow + DeviceCodeLifetime,
        };
        _secrets.Register(SecretKind.DeviceCode, device.DeviceCode, null, app.ClientId);
        DeviceAuthorizations[device.DeviceCode] = device;
        return device;
    }

    internal DeviceAuthorization? DeviceByUserCode(string? userCode) =>
        DeviceAuthorizations.Values.FirstOrDefault(d => string.Equals(d.UserCode, userCode?.Trim(), StringComparison.OrdinalIgnoreCase));

    // Short and unambiguous for typing on another device: no 0/O or 1/I.
    private static string UserCode()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(8);
        return new string(bytes.Select(b => alphabet[b % alphabet.Length]).ToArray());
    }

    internal Project CreateProject(string ownerId, string name, string description)
    {
        var existing = Projects.Values.FirstOrDefault(p => p.OwnerId == ownerId && p.Name == name);
        if (existing is not null) return existing;
        var project = new Project(NextId("projects"), name, description, ownerId, DateTimeOffset.UtcNow);
        Projects[project.Id] = project;
        return project;
    }

    internal AppSession CreateAppSession(RegisteredApp app, string userId, string name, string originatingUri)
    {
        var now = DateTimeOffset.UtcNow;
        var session = new AppSession
        {
            Id = NextId("appsessions"), App = app, UserId = userId, Name = name, DateCreated = now,
            OriginatingUri = originatingUri, ModifiedOn = now,
        };
        session.History.Add(new StatusChange(now, session.Status, session.StatusSummary));
        AppSessions[session.Id] = session;
        return session;
    }

    /// <summary>Records a status change; a Complete or Aborted session is frozen (BaseSpace refuses further changes).</summary>
    internal void SetAppSessionStatus(AppSession session, string status, string summary)
    {
        var now = DateTimeOffset.UtcNow;
        session.Status = status;
        session.StatusSummary = summary;
        session.ModifiedOn = now;
        if (session.IsFrozen) session.DateCompleted = now;
        session.History.Add(new StatusChange(now, status, summary));
    }

    internal AppResult CreateAppResult(Project project, AppSession session, string name, string description, IEnumerable<ResourceReference> references)
    {
        var result = new AppResult
        {
            Id = NextId("appresults"), Name = name, Description = description, ProjectId = project.Id,
            UserId = session.UserId, AppSessionId = session.Id, DateCreated = DateTimeOffset.UtcNow,
        };
        result.References.AddRange(references);
        AppResults[result.Id] = result;
        session.AppResultIds.Add(result.Id);
        session.ModifiedOn = result.DateCreated;
        return result;
    }

    internal BaseSpaceFile AddFile(ResourceKey parent, string? projectId, string name, string directory, string contentType, byte[] content,
        UploadStatus status = UploadStatus.Complete)
    {
        var file = new BaseSpaceFile
        {
            Id = NextId("files"), Name = name, Directory = directory.Trim('/'), ContentType = contentType, Parent = parent,
            ProjectId = projectId, DateCreated = DateTimeOffset.UtcNow, Content = content, UploadStatus = status,
        };
        Files[file.Id] = file;
        return file;
    }

    internal IReadOnlyList<Property> PropertiesOf(ResourceKey owner) =>
        Properties.TryGetValue(owner, out var list) ? list : [];

    /// <summary>Writes (or replaces, by name) properties on a resource.</summary>
    internal void WriteProperties(ResourceKey owner, IEnumerable<Property> properties)
    {
        if (!Properties.TryGetValue(owner, out var list)) Properties[owner] = list = [];
        foreach (var property in properties)
        {
            list.RemoveAll(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            if (RemovedProperties.TryGetValue(owner, out var removed)) removed.Remove(property.Name);
            list.Add(property);
        }
    }

    /// <summary>Removes a property; its name is remembered as removed (410) until a property of that name is written again.</summary>
    internal void DeleteProperty(ResourceKey owner, Property property)
    {
        Properties[owner].Remove(property);
        if (!RemovedProperties.TryGetValue(owner, out var names))
            RemovedProperties[owner] = names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        names.Add(property.Name);
    }

    internal bool IsRemovedProperty(ResourceKey owner, string name) =>
        RemovedProperties.TryGetValue(owner, out var names) && names.Contains(name);

    /// <summary>Tenant isolation: a user sees only the projects they own, and the public dataset.</summary>
    internal bool CanSee(string userId, Project project) => project.OwnerId == userId || project.Id == PublicDataset.Project.Id;

    /// <summary>Only owners change a project: the public dataset is read-only.</summary>
    internal static bool CanChange(string userId, Project project) => project.OwnerId == userId;

    /// <summary>The project a resource lives in, which decides who may see it; null if it does not exist.</summary>
    internal Project? ProjectOf(ResourceKey key) => key.Collection switch
    {
        "projects" => Projects.GetValueOrDefault(key.Id),
        "samples" => Samples.TryGetValue(key.Id, out var s) ? Projects[s.ProjectId] : null,
        "appresults" => AppResults.TryGetValue(key.Id, out var r) ? Projects[r.ProjectId] : null,
        "files" => Files.TryGetValue(key.Id, out var f) && f.ProjectId is not null ? Projects[f.ProjectId] : null,
        _ => null,
    };

    private string NextId(string collection)
    {
        var id = _nextIds[collection]++;
        return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Adds a user with a project and a sample (with files) of their own, as the seed does: scenarios that run
    /// at the same time each get a tenant, so nothing one writes can be mistaken for another's.
    /// </summary>
    public Tenant AddTenant(string name, string email, string project, string sample)
    {
        lock (Gate)
        {
            var tenant = Seed(new SeedTenant(name, email, project, sample));
            _tenants.Add(tenant);
            return tenant;
        }
    }

    private Tenant Seed(SeedTenant seed)
    {
        var created = new DateTimeOffset(2024, 1, 15, 9, 30, 0, TimeSpan.Zero);
        var user = new User(NextId("users"), seed.Name, seed.Email, created);
        Users[user.Id] = user;
        var project = new Project(NextId("projects"), seed.Project, $"{seed.Name}'s sequencing data", user.Id, created);
        Projects[project.Id] = project;
        var sample = new Sample(NextId("samples"), seed.Sample, project.Id, user.Id, 1, $"{seed.Project} run 1", created);
        Samples[sample.Id] = sample;
        foreach (var (name, content) in SeedData.FilesOf(seed))
            AddFile(new ResourceKey("samples", sample.Id), project.Id, name, "", "application/octet-stream", content);
        return new Tenant(user, project, sample);
    }
}

public enum ConsentMode { Ask, Approve, Deny }

/// <summary>The web origin's sign-in cookie.</summary>
public static class WebSession
{
    public const string CookieName = "bs_session";
}
