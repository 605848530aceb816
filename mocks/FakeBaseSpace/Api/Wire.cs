using System.Globalization;

namespace FakeBaseSpace.Api;

/// <summary>
/// BaseSpace's JSON shapes: PascalCase fields, relative hrefs, seven-digit fraction dates, lists and nested
/// objects never null. Reads the state; the caller holds its lock. <paramref name="viewerId"/> is the user the
/// response is for.
/// </summary>
internal sealed class Wire(BaseSpaceState state, string? viewerId)
{
    public static string Date(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    // File creation dates carry a 'Z' on the real service.
    public static string FileDate(DateTimeOffset time) => Date(time) + "Z";

    /// <summary>The success envelope: ResponseStatus is an empty object (one SDK raises if it holds a Message).</summary>
    public static object Envelope(object response) =>
        new { Response = response, ResponseStatus = new { }, Notifications = Array.Empty<object>() };

    public static object Error(string errorCode, string message) =>
        new { ResponseStatus = new { ErrorCode = errorCode, Message = message, Errors = Array.Empty<object>() } };

    public static object List(IEnumerable<object> items, ListPage page) => new
    {
        Items = items.ToArray(), page.DisplayedCount, page.TotalCount, page.Offset, page.Limit, page.SortDir, page.SortBy,
    };

    public object User(User user) => new
    {
        user.Id, Href = $"v1pre3/users/{user.Id}", user.Name, user.Email,
        GravatarUrl = "https://secure.gravatar.com/avatar/00000000000000000000000000000000.jpg",
        DateCreated = Date(user.DateCreated), DateLastActive = Date(DateTimeOffset.UtcNow),
        HrefRuns = $"v1pre3/users/{user.Id}/runs", HrefProjects = $"v1pre3/users/{user.Id}/projects",
    };

    public object UserCompact(string userId)
    {
        var user = state.Users[userId];
        return new { user.Id, Href = $"v1pre3/users/{user.Id}", user.Name };
    }

    public object Project(Project project)
    {
        var totalSize = state.Files.Values.Where(f => f.ProjectId == project.Id).Sum(f => (long)f.Content.Length);
        var owner = viewerId is not null && BaseSpaceState.CanChange(viewerId, project);
        return new
        {
            project.Id, Href = $"v1pre3/projects/{project.Id}", project.Name, project.Description,
            UserOwnedBy = UserCompact(project.OwnerId), DateCreated = Date(project.DateCreated), DateModified = Date(project.DateCreated),
            HasCollaborators = false, TotalSize = totalSize,
            HrefSamples = $"v1pre3/projects/{project.Id}/samples", HrefAppResults = $"v1pre3/projects/{project.Id}/appresults",
            HrefBaseSpaceUI = $"{state.WebUrl}/projects/{project.Id}",
            Permissions = new { IsOwner = owner, Browse = true, Read = true, Write = owner, Create = owner },
        };
    }

    public object Sample(Sample sample) => new
    {
        sample.Id, Href = $"v1pre3/samples/{sample.Id}", sample.Name, SampleId = sample.Name, sample.SampleNumber,
        sample.ExperimentName, Read1 = 50, Read2 = 50, IsPairedEnd = true, NumReadsRaw = 4, NumReadsPF = 4,
        HrefFiles = $"v1pre3/samples/{sample.Id}/files", HrefGenome = "v1pre3/genomes/4",
        AppSession = new { Id = "", Href = "", Name = "" }, Status = "Complete",
        DateCreated = Date(sample.DateCreated), UserOwnedBy = UserCompact(sample.OwnerId),
        TotalSize = FilesOf(new ResourceKey("samples", sample.Id)).Sum(f => (long)f.Content.Length),
    };

    public object File(BaseSpaceFile file) => new
    {
        file.Id, Href = $"v1pre3/files/{file.Id}", file.Name, file.ContentType, Size = (long)file.Content.Length,
        file.Path, DateCreated = FileDate(file.DateCreated), UploadStatus = file.UploadStatus.ToString().ToLowerInvariant(),
        HrefContent = $"v1pre3/files/{file.Id}/content", HrefParts = $"v1pre3/files/{file.Id}/parts",
        ParentAppResult = file.Parent.Collection == "appresults" ? new { Href = file.Parent.Href } : null,
        ParentSample = file.Parent.Collection == "samples" ? new { Href = file.Parent.Href } : null,
    };

    public object Application(RegisteredApp app) => new
    {
        app.Id, Href = $"v1pre3/applications/{app.Id}", app.Name, app.CompanyName, app.VersionNumber,
        HomepageUri = app.AppOrigin,
    };

    public object AppSession(AppSession session) => new
    {
        session.Id, Href = $"v1pre3/appsessions/{session.Id}", session.Name,
        Application = Application(session.App), UserCreatedBy = UserCompact(session.UserId),
        session.Status, session.StatusSummary,
        DateCreated = Date(session.DateCreated), ModifiedOn = Date(session.ModifiedOn),
        DateCompleted = session.DateCompleted is { } completed ? Date(completed) : null,
        session.OriginatingUri, HrefLogs = $"v1pre3/appsessions/{session.Id}/logs",
        References = session.References.Select(Reference).ToArray(),
        Properties = PropertyCollection(new ResourceKey("appsessions", session.Id)),
    };

    public object AppSessionCompact(AppSession session) => new
    {
        session.Id, Href = $"v1pre3/appsessions/{session.Id}", session.Name, session.Status, session.StatusSummary,
        Application = Application(session.App), UserCreatedBy = UserCompact(session.UserId),
        DateCreated = Date(session.DateCreated), session.OriginatingUri,
    };

    public object AppResult(AppResult result)
    {
        var session = state.AppSessions[result.AppSessionId];
        var key = new ResourceKey("appresults", result.Id);
        return new
        {
            result.Id, Href = key.Href, result.Name, result.Description,
            // An AppResult's status is its AppSession's.
            session.Status, session.StatusSummary, DateCreated = Date(result.DateCreated),
            UserOwnedBy = UserCompact(result.UserId), AppSession = AppSessionCompact(session),
            Project = new { Id = result.ProjectId, Href = $"v1pre3/projects/{result.ProjectId}", state.Projects[result.ProjectId].Name },
            HrefFiles = $"{key.Href}/files", HrefGenome = "",
            References = result.References.Select(Reference).ToArray(),
            Properties = PropertyCollection(key),
            TotalSize = FilesOf(key).Sum(f => (long)f.Content.Length),
        };
    }

    public object Reference(ResourceReference reference) => new
    {
        reference.Rel, Type = TypeName(reference.Target.Collection), Href = reference.Target.Href,
        HrefContent = reference.Target.Href, Content = Content(reference.Target),
    };

    public object PropertyCollection(ResourceKey owner)
    {
        var properties = state.PropertiesOf(owner);
        return new
        {
            Items = properties.Select(p => Property(owner, p)).ToArray(),
            DisplayedCount = properties.Count, TotalCount = properties.Count, Href = $"{owner.Href}/properties",
        };
    }

    public object Property(ResourceKey owner, Property property)
    {
        var href = $"{owner.Href}/properties/{property.Name}";
        if (property.ContentMap is { } map)
            return new { property.Type, Href = href, property.Name, property.Description, ContentMap = map };
        if (property.ItemsMap is { } maps)
            return new
            {
                property.Type, Href = href, property.Name, property.Description, ItemsMap = maps,
                ItemsDisplayedCount = maps.Count, ItemsTotalCount = maps.Count, HrefItems = href + "/items",
            };
        if (!property.IsList)
            return new
            {
                property.Type, Href = href, property.Name, property.Description,
                Content = property.ContentReference is { } target ? Content(target) : property.Content ?? "",
            };
        var items = property.ItemReferences is { } targets ? targets.Select(Content).ToArray() : property.Items!.Cast<object>().ToArray();
        return new
        {
            property.Type, Href = href, property.Name, property.Description, Items = items,
            ItemsDisplayedCount = items.Length, ItemsTotalCount = items.Length, HrefItems = href + "/items",
        };
    }

    // How deep referenced resources are expanded. An AppResult may reference itself or another AppResult that
    // references it back (through References or properties); beyond this depth a reference is just {Id, Href}.
    private const int MaxContentDepth = 2;
    private int _contentDepth;

    /// <summary>The referenced resource as an object (strict SDKs reject a string or null here).</summary>
    public object Content(ResourceKey target)
    {
        if (_contentDepth >= MaxContentDepth) return new { target.Id, target.Href };
        _contentDepth++;
        try
        {
            return target.Collection switch
            {
                "samples" when state.Samples.TryGetValue(target.Id, out var s) => Sample(s),
                "projects" when state.Projects.TryGetValue(target.Id, out var p) => Project(p),
                "appresults" when state.AppResults.TryGetValue(target.Id, out var r) => AppResult(r),
                "appsessions" when state.AppSessions.TryGetValue(target.Id, out var a) => AppSessionCompact(a),
                "files" when state.Files.TryGetValue(target.Id, out var f) => File(f),
                _ => new { target.Id, target.Href },
            };
        }
        finally
        {
            _contentDepth--;
        }
    }

    public IEnumerable<BaseSpaceFile> FilesOf(ResourceKey parent) => state.Files.Values.Where(f => f.Parent == parent);

    /// <summary>"samples" → "Sample", as References name their targets.</summary>
    public static string TypeName(string collection) => collection switch
    {
        "appresults" => "AppResult",
        "appsessions" => "AppSession",
        _ => char.ToUpperInvariant(collection[0]) + collection[1..].TrimEnd('s'),
    };
}
