using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ReferenceApp;

public sealed record BaseSpaceUser(string Id, string? Name);

/// <summary>A resource the AppSession points at (its input sample, its output project).</summary>
public sealed record ResourceRef(string Id, string? Name);

public sealed record AppSessionInfo(string Id, string? OriginatingUri, ResourceRef? Sample, ResourceRef? Project);

public sealed record SampleInfo(string Id, string Name, string? ProjectId);

public sealed record SampleFile(string Id, string Name);

/// <summary>A property written back to BaseSpace: a list of resource hrefs (sample[], project[], appresult[]).</summary>
public sealed record ReferenceListProperty(string Type, string Name, IReadOnlyList<string> Items);

/// <summary>BaseSpace answered with an error; the message never holds a token.</summary>
public sealed class BaseSpaceException(string message) : Exception(message);

/// <summary>The v1pre3 calls the app makes, over HTTPS, each carrying the user's token as a Bearer header.</summary>
public sealed class BaseSpaceClient(HttpClient http, AppConfig config)
{
    public async Task<string> ExchangeCodeAsync(string code, string redirectUri, CancellationToken ct)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = config.ClientId,
            ["client_secret"] = config.ClientSecret,
            ["code"] = code,
            ["grant_type"] = "authorization_code",
            ["redirect_uri"] = redirectUri,
        });
        using var response = await http.PostAsync("oauthv2/token", form, ct);
        using var body = await ReadJsonAsync(response, ct);
        var root = body.RootElement;
        if (response.IsSuccessStatusCode && Text(root, "access_token") is { Length: > 0 } token) return token;
        throw new BaseSpaceException(
            $"the token exchange was refused ({(int)response.StatusCode}): {Text(root, "error") ?? "no error code"}: {Text(root, "error_description") ?? "no description"}");
    }

    public async Task<BaseSpaceUser> GetCurrentUserAsync(string token, CancellationToken ct)
    {
        var user = await SendAsync(HttpMethod.Get, "users/current", token, null, ct);
        return new BaseSpaceUser(Text(user, "Id") ?? throw new BaseSpaceException("users/current has no Id"), Text(user, "Name"));
    }

    public async Task<AppSessionInfo> GetAppSessionAsync(string token, string id, CancellationToken ct)
    {
        var session = await SendAsync(HttpMethod.Get, $"appsessions/{id}", token, null, ct);
        return new AppSessionInfo(id, Text(session, "OriginatingUri"),
            InputOf(session, "Input.sample-id", "Sample"), InputOf(session, "Input.project-id", "Project"));
    }

    /// <summary>Field names in lower case, as the SDKs send them. A null summary omits the field.</summary>
    public Task SetStatusAsync(string token, string appSessionId, string status, string? summary, CancellationToken ct)
    {
        var body = new Dictionary<string, string> { ["status"] = status };
        if (summary is not null) body["statussummary"] = summary;
        return SendAsync(HttpMethod.Post, $"appsessions/{appSessionId}", token, JsonBody(body), ct);
    }

    public async Task<SampleInfo> GetSampleAsync(string token, string id, CancellationToken ct)
    {
        var sample = await SendAsync(HttpMethod.Get, $"samples/{id}", token, null, ct);
        // Not every BaseSpace reply names the sample's project; when it does, Input.Projects can cite it.
        var projectId = sample.TryGetProperty("Project", out var project) ? Text(project, "Id") : null;
        return new SampleInfo(id, Text(sample, "Name") ?? id, projectId);
    }

    /// <summary>All files of a sample, page by page (a page holds at most 1000).</summary>
    public async Task<IReadOnlyList<SampleFile>> ListSampleFilesAsync(string token, string sampleId, CancellationToken ct)
    {
        const int pageSize = 1000;
        var files = new List<SampleFile>();
        while (true)
        {
            var page = await SendAsync(HttpMethod.Get, $"samples/{sampleId}/files?Offset={files.Count}&Limit={pageSize}", token, null, ct);
            var items = ArrayAt(page, "Items").ToList();
            files.AddRange(items.Select(f => new SampleFile(
                Text(f, "Id") ?? throw new BaseSpaceException("a sample file has no Id"), Text(f, "Name") ?? "unnamed")));
            var total = page.TryGetProperty("TotalCount", out var t) && t.TryGetInt32(out var n) ? n : files.Count;
            if (items.Count == 0 || files.Count >= total) return files;
        }
    }

    /// <summary>Streams a file's content to disk. A redirect to storage is followed without the token (HttpClient drops it).</summary>
    public async Task DownloadFileAsync(string token, string fileId, string path, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, $"files/{fileId}/content", token, null);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode) await ThrowAsync(request, response, ct);
        await using var target = File.Create(path);
        await response.Content.CopyToAsync(target, ct);
    }

    /// <summary>
    /// Creates an AppResult in the project, linked to the AppSession and referring to the input sample
    /// (either left out only by a flaw: BaseSpace then makes an AppSession of its own, or shows no inputs).
    /// </summary>
    public async Task<string> CreateAppResultAsync(string token, string projectId, string? appSessionId, string name,
        string description, string? inputSampleId, CancellationToken ct)
    {
        var body = new
        {
            Name = name,
            Description = description,
            References = inputSampleId is null ? [] : new[] { new { Rel = "using", Type = "Sample", HrefContent = SampleHref(inputSampleId) } },
        };
        var link = appSessionId is null ? "" : $"?appsessionid={Uri.EscapeDataString(appSessionId)}";
        var result = await SendAsync(HttpMethod.Post, $"projects/{projectId}/appresults{link}", token, JsonBody(body), ct);
        return Text(result, "Id") ?? throw new BaseSpaceException("the new AppResult has no Id");
    }

    public Task UploadFileAsync(string token, string appResultId, string name, byte[] content, string contentType, CancellationToken ct)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return SendAsync(HttpMethod.Post, $"appresults/{appResultId}/files?name={Uri.EscapeDataString(name)}&directory=", token, body, ct);
    }

    /// <summary>Writes properties on a resource such as <c>appresults/7</c> or <c>appsessions/3</c>.</summary>
    public Task WritePropertiesAsync(string token, string resource, IReadOnlyList<ReferenceListProperty> properties, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"{resource}/properties", token, JsonBody(new { Properties = properties }), ct);

    public static string SampleHref(string id) => $"v1pre3/samples/{id}";

    public static string ProjectHref(string id) => $"v1pre3/projects/{id}";

    public static string AppResultHref(string id) => $"v1pre3/appresults/{id}";

    /// <summary>A JSON body with a Content-Length: not every server accepts a chunked request body.</summary>
    private static StringContent JsonBody(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>Sends a call and returns the envelope's <c>Response</c>.</summary>
    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string token, HttpContent? content, CancellationToken ct)
    {
        using var request = Request(method, path, token, content);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode) await ThrowAsync(request, response, ct);
        using var body = await ReadJsonAsync(response, ct);
        return body.RootElement.TryGetProperty("Response", out var inner) ? inner.Clone() : default;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task ThrowAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken ct)
    {
        using var body = await ReadJsonAsync(response, ct);
        var message = body.RootElement.TryGetProperty("ResponseStatus", out var status) ? Text(status, "Message") : null;
        throw new BaseSpaceException(
            $"{request.Method} {request.RequestUri?.AbsolutePath} failed: {(int)response.StatusCode} {message ?? response.ReasonPhrase}");
    }

    /// <summary>Parses a reply body as JSON; a body that is not JSON reads as an empty object.</summary>
    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try { return JsonDocument.Parse(text.Length == 0 ? "{}" : text); }
        catch (JsonException) { return JsonDocument.Parse("{}"); }
    }

    /// <summary>
    /// An AppSession input: the launch form's property (<c>Input.sample-id</c>) first, else the matching
    /// <c>References</c> entry with Rel Input — apps see either, depending on the form.
    /// </summary>
    private static ResourceRef? InputOf(JsonElement session, string propertyName, string referenceType)
    {
        var fromProperty = ArrayAt(session, "Properties", "Items")
            .Where(p => string.Equals(Text(p, "Name"), propertyName, StringComparison.OrdinalIgnoreCase));
        var fromReferences = ArrayAt(session, "References")
            .Where(r => string.Equals(Text(r, "Rel"), "Input", StringComparison.OrdinalIgnoreCase)
                        && string.Equals(Text(r, "Type"), referenceType, StringComparison.OrdinalIgnoreCase));
        return fromProperty.Concat(fromReferences)
            .Select(e => e.TryGetProperty("Content", out var content) ? Ref(content) : null)
            .FirstOrDefault(r => r is not null);
    }

    /// <summary>The array at a path of object fields, or nothing when any step is missing.</summary>
    private static IEnumerable<JsonElement> ArrayAt(JsonElement element, params string[] path)
    {
        foreach (var name in path)
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return [];
        return element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : [];
    }

    private static ResourceRef? Ref(JsonElement content) =>
        Text(content, "Id") is { } id ? new ResourceRef(id, Text(content, "Name")) : null;

    /// <summary>A field as text; BaseSpace ids are strings, but numbers are accepted too.</summary>
    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
