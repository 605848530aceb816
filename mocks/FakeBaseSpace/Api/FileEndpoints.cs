using System.Net.Http.Headers;
using Microsoft.AspNetCore.WebUtilities;
using FakeBaseSpace.Http;

namespace FakeBaseSpace.Api;

/// <summary>
/// Files of samples, AppResults and AppSession logs: listing, metadata, content (direct or through a
/// short-lived link), single-part and multipart uploads.
/// </summary>
internal static class FileEndpoints
{
    private static readonly TimeSpan ContentLinkLifetime = TimeSpan.FromMinutes(15);
    private const int MinPartBytes = 5 * 1024 * 1024;
    private const int MaxPartBytes = 25 * 1024 * 1024;
    private const int MaxPartNumber = 10000;

    public static void Map(RouteTable<ApiCall> routes)
    {
        foreach (var collection in new[] { "samples", "appresults" })
        {
            routes
                .Map("GET", $"v1pre3/{collection}/{{id}}/files", (call, route) =>
                    ListReply(call, RequireContainer(call, new ResourceKey(collection, route["id"]), "browse")))
                .Map("POST", $"v1pre3/{collection}/{{id}}/files", (call, route) =>
                    Upload(call, RequireContainer(call, new ResourceKey(collection, route["id"]), "write")));
        }
        routes
            // An AppSession's log window: one file set per session whose files the app uploads.
            .Map("POST", "v1pre3/appsessions/{id}/logs", (call, route) => LogFileSet(call, route["id"], 201))
            .Map("GET", "v1pre3/appsessions/{id}/logs", (call, route) => LogFileSet(call, route["id"], 200))
            .Map("GET", "v1pre3/appsessions/{id}/logs/files", (call, route) =>
                ListReply(call, RequireContainer(call, new ResourceKey("appsessions", route["id"]), "browse")))
            .Map("POST", "v1pre3/appsessions/{id}/logs/files", (call, route) =>
                Upload(call, RequireContainer(call, new ResourceKey("appsessions", route["id"]), "write")))
            .Map("GET", "v1pre3/files/{id}", (call, route) =>
            {
                var file = Find(call, route["id"]);
                RequireContainer(call, file.Parent, "browse");
                return Reply.Json(200, Wire.Envelope(call.Wire.File(file)));
            })
            .Map("GET", "v1pre3/files/{id}/content", (call, route) => Content(call, Find(call, route["id"])))
            .Map("PUT", "v1pre3/files/{id}/parts/{number}", (call, route) => UploadPart(call, Find(call, route["id"]), route["number"]))
            .Map("POST", "v1pre3/files/{id}", (call, route) => FinishMultipart(call, Find(call, route["id"])))
            .Map("GET", "content/{link}", (call, route) => FollowContentLink(call, route["link"]));
    }

    private static Reply LogFileSet(ApiCall call, string appSessionId, int status)
    {
        var session = call.RequireAppSession(appSessionId, allowClientCredentials: false);
        var href = $"v1pre3/appsessions/{session.Id}/logs";
        return Reply.Json(status, Wire.Envelope(new { session.Id, Href = href, Name = "Logs", HrefFiles = href + "/files" }));
    }

    public static BaseSpaceFile Find(ApiCall call, string id) =>
        call.State.Files.GetValueOrDefault(id) ?? throw ApiException.NotFound("File");

    /// <summary>Where files live and who may touch them.</summary>
    private sealed record FileContainer(ResourceKey Key, string? ProjectId);

    /// <summary>
    /// Access to the files of a sample or AppResult follows its project (<paramref name="verb"/> scope there);
    /// an AppSession's log files belong to the session's app and user.
    /// </summary>
    private static FileContainer RequireContainer(ApiCall call, ResourceKey key, string verb)
    {
        if (key.Collection == "appsessions")
        {
            call.RequireAppSession(key.Id, allowClientCredentials: false);
            return new FileContainer(key, null);
        }
        if (key.Collection == "appresults" && call.State.AppResults.TryGetValue(key.Id, out var result)) call.AppSessionId = result.AppSessionId;
        call.RequireResource(verb, key);
        return new FileContainer(key, call.State.ProjectOf(key)!.Id);
    }

    /// <summary>Files of a container, filtered by ?Extensions=.fastq,.gz (with or without the dot).</summary>
    private static Reply ListReply(ApiCall call, FileContainer container)
    {
        var extensions = (call.Request.Query["Extensions"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.StartsWith('.') ? e : "." + e).ToArray();
        var files = call.Wire.FilesOf(container.Key)
            .Where(f => extensions.Length == 0 || extensions.Any(e => f.Name.EndsWith(e, StringComparison.OrdinalIgnoreCase)));
        var (items, page) = ListQuery.From(call.Request, maxLimit: 1000).Apply(files, (f, by) => by switch
        {
            "Name" => f.Name, "Path" => f.Path, "DateCreated" => f.DateCreated, _ => ListQuery.IdKey(f.Id),
        });
        return Reply.Json(200, Wire.Envelope(Wire.List(items.Select(call.Wire.File), page)));
    }

    /// <summary>The bytes, or with ?redirect=meta an absolute, short-lived link that needs no token.</summary>
    private static Reply Content(ApiCall call, BaseSpaceFile file)
    {
        RequireContainer(call, file.Parent, "read");
        if (file.UploadStatus != UploadStatus.Complete)
            throw ApiException.BadRequest("BASESPACE.FILES.UPLOAD_INCOMPLETE", $"File {file.Id} is {file.UploadStatus.ToString().ToLowerInvariant()}");
        if (!string.Equals(call.Request.Query["redirect"], "meta", StringComparison.OrdinalIgnoreCase))
            return FileBytes(file);
        var expires = DateTimeOffset.UtcNow + ContentLinkLifetime;
        var link = RandomSecret.Create(24);
        call.State.ContentLinks[link] = (file.Id, expires);
        return Reply.Json(200, Wire.Envelope(new
        {
            HrefContent = $"{call.State.ApiOrigin}/content/{link}", Expires = Wire.Date(expires), SupportsRange = false,
        }));
    }

    private static Reply FollowContentLink(ApiCall call, string link)
    {
        if (!call.State.ContentLinks.TryGetValue(link, out var target) || target.Expires < DateTimeOffset.UtcNow)
            throw new ApiException(403, "BASESPACE.FILES.LINK_EXPIRED", "This content link is unknown or has expired");
        return FileBytes(call.State.Files[target.FileId]);
    }

    private static Reply FileBytes(BaseSpaceFile file) =>
        Reply.Bytes(file.ContentType, file.Content).WithHeader("Content-Disposition", $"attachment; filename=\"{file.Name}\"");

    /// <summary>
    /// ?name=&amp;directory= with the raw bytes and the file's content type; with &amp;multipart=true an empty,
    /// pending file whose parts follow.
    /// </summary>
    private static Reply Upload(ApiCall call, FileContainer container)
    {
        var name = call.Request.Query["name"] is { Length: > 0 } n ? n : throw ApiException.BadRequest("BASESPACE.FILES.NAME_REQUIRED", "name is required");
        var directory = call.Request.Query["directory"] ?? "";
        var file = string.Equals(call.Request.Query["multipart"], "true", StringComparison.OrdinalIgnoreCase)
            ? call.State.AddFile(container.Key, container.ProjectId, name, directory, ContentTypeOf(call.Request), [], UploadStatus.Pending)
            : UploadSinglePart(call, container, name, directory);
        return Reply.Json(201, Wire.Envelope(call.Wire.File(file)));
    }

    private static BaseSpaceFile UploadSinglePart(ApiCall call, FileContainer container, string name, string directory)
    {
        var (content, contentType) = UploadedBytes(call.Request);
        return call.State.AddFile(container.Key, container.ProjectId, name, directory, contentType, content);
    }

    private static string ContentTypeOf(HttpCall request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType is { } media ? media : "application/octet-stream";

    /// <summary>
    /// PUT files/{id}/parts/{1..10000}: at most 25 MB, checked against Content-MD5 when sent. The reply is
    /// compact JSON on purpose: one client finds the ETag by splitting the body on white space.
    /// </summary>
    private static Reply UploadPart(ApiCall call, BaseSpaceFile file, string numberText)
    {
        RequireContainer(call, file.Parent, "write");
        if (file.UploadStatus != UploadStatus.Pending)
            throw ApiException.BadRequest("BASESPACE.FILES.NOT_PENDING", $"File {file.Id} is not a pending multipart upload");
        if (!int.TryParse(numberText, out var number) || number < 1 || number > MaxPartNumber)
            throw ApiException.BadRequest("BASESPACE.FILES.PART_NUMBER_INVALID", $"Part numbers run from 1 to {MaxPartNumber}");
        var body = call.Request.Body;
        if (body.Length > MaxPartBytes)
            throw ApiException.BadRequest("BASESPACE.FILES.PART_TOO_LARGE", $"A part holds at most {MaxPartBytes} bytes");
        var md5 = System.Security.Cryptography.MD5.HashData(body);
        if (call.Request.Header("Content-MD5") is { } expected && expected.Trim() != Convert.ToBase64String(md5))
            throw ApiException.BadRequest("BASESPACE.FILES.MD5_MISMATCH", "Content-MD5 does not match the part");
        file.Parts[number] = body;
        return Reply.Json(200, new { Response = new { ETag = Convert.ToHexStringLower(md5) } });
    }

    /// <summary>POST files/{id}?uploadstatus=complete|aborted (query or form): joins the parts, or drops them.</summary>
    private static Reply FinishMultipart(ApiCall call, BaseSpaceFile file)
    {
        RequireContainer(call, file.Parent, "write");
        var status = call.Request.Field("uploadstatus")?.ToLowerInvariant();
        if (status is not ("complete" or "aborted"))
            throw ApiException.BadRequest("BASESPACE.FILES.UPLOAD_STATUS_INVALID", "uploadstatus must be complete or aborted");
        if (file.UploadStatus != UploadStatus.Pending)
            throw ApiException.BadRequest("BASESPACE.FILES.NOT_PENDING", $"File {file.Id} is not a pending multipart upload");
        if (status == "complete")
        {
            var last = file.Parts.Keys.DefaultIfEmpty(0).Max();
            if (file.Parts.FirstOrDefault(p => p.Key != last && p.Value.Length < MinPartBytes) is { Value: not null } small)
                throw ApiException.BadRequest("BASESPACE.FILES.PART_TOO_SMALL", $"Part {small.Key} is under {MinPartBytes} bytes and is not the last");
            using var joined = new MemoryStream();
            foreach (var part in file.Parts.Values) joined.Write(part);
            file.Content = joined.ToArray();
            file.UploadStatus = UploadStatus.Complete;
        }
        else
        {
            file.UploadStatus = UploadStatus.Aborted;
        }
        file.Parts.Clear();
        return Reply.Json(200, Wire.Envelope(call.Wire.File(file)));
    }

    /// <summary>
    /// The uploaded file: the raw body, except a real multipart/form-data body (with a boundary), whose first
    /// part is the file. One client labels raw bytes multipart/form-data without a boundary: those are raw.
    /// </summary>
    private static (byte[] Content, string ContentType) UploadedBytes(HttpCall request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)) return (request.Body, ContentTypeOf(request));
        var boundary = mediaType.Parameters.FirstOrDefault(p => p.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"');
        if (!string.Equals(mediaType.MediaType, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return (request.Body, mediaType.MediaType ?? "application/octet-stream");
        if (string.IsNullOrEmpty(boundary)) return (request.Body, "application/octet-stream");

        var file = FilePart(new MultipartReader(boundary, new MemoryStream(request.Body)))
                   ?? throw ApiException.BadRequest("BASESPACE.FILES.EMPTY_UPLOAD", "The multipart body has no parts");
        return (file.Content, file.ContentType ?? "application/octet-stream");
    }

    /// <summary>The part that carries a file name (form fields may come before it); failing that, the first part.</summary>
    private static (byte[] Content, string? ContentType)? FilePart(MultipartReader reader)
    {
        (byte[] Content, string? ContentType)? first = null;
        while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
        {
            using var copy = new MemoryStream();
            section.Body.CopyTo(copy);
            var part = (copy.ToArray(), section.ContentType);
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) &&
                (disposition.FileName is { Length: > 0 } || disposition.FileNameStar is { Length: > 0 }))
                return part;
            first ??= part;
        }
        return first;
    }
}
