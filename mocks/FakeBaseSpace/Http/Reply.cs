using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FakeBaseSpace.Http;

/// <summary>What a handler answers; the transport turns it into an HTTP response.</summary>
public sealed record Reply(int StatusCode, string ContentType, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    /// <summary>PascalCase names as written; absent values are left out rather than sent as null.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Reply Json(int status, object body) =>
        new(status, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(body, JsonOptions), NoHeaders);

    public static Reply Html(int status, string html) =>
        new(status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html), NoHeaders);

    public static Reply Bytes(string contentType, byte[] body) => new(200, contentType, body, NoHeaders);

    public static Reply Redirect(string location, params (string Name, string Value)[] extraHeaders)
    {
        var headers = new Dictionary<string, string> { ["Location"] = location };
        foreach (var (name, value) in extraHeaders) headers[name] = value;
        return new Reply(302, "text/plain; charset=utf-8", [], headers);
    }

    public Reply WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers) { [name] = value } };

    public bool HasTextBody => HttpCall.IsText(ContentType, Body);
}
