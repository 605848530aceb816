using System.Collections.Specialized;
using System.Text;
using System.Text.Json;
using System.Web;

namespace FakeBaseSpace.Http;

/// <summary>
/// One incoming request, independent of the transport. Clients send the same field as JSON, as a form, or
/// in the query string, in any letter case, so <see cref="Field"/> looks in all three.
/// </summary>
public sealed class HttpCall
{
    private readonly Dictionary<string, string> _headers;
    private JsonElement? _json;
    private NameValueCollection? _form;

    public HttpCall(string method, string rawPath, string rawQuery, IDictionary<string, string> headers,
        IDictionary<string, string> cookies, byte[] body)
    {
        Method = method.ToUpperInvariant();
        RawPath = rawPath;
        RawQuery = rawQuery.TrimStart('?');
        _headers = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        Cookies = new Dictionary<string, string>(cookies, StringComparer.Ordinal);
        Body = body;
        Query = HttpUtility.ParseQueryString(RawQuery);
        // SDKs send "//x", "x/" and "x/?": all name the same resource.
        Segments = rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
    }

    public string Method { get; }
    public string RawPath { get; }
    public string RawQuery { get; }
    public IReadOnlyList<string> Segments { get; }
    public NameValueCollection Query { get; }
    public IReadOnlyDictionary<string, string> Cookies { get; }
    public byte[] Body { get; }

    public string PathAndQuery => RawQuery.Length == 0 ? RawPath : RawPath + "?" + RawQuery;

    public string? Header(string name) => _headers.TryGetValue(name, out var value) ? value : null;

    public string ContentType => Header("Content-Type") ?? "";

    public bool HasTextBody => Body.Length > 0 && IsText(ContentType, Body);

    /// <summary>The body as a JSON object, when it is one (whatever the declared content type).</summary>
    public JsonElement? Json => _json ??= ParseJsonObject();

    /// <summary>The body as form fields, when it is not JSON.</summary>
    public NameValueCollection Form => _form ??= Json is null && HasTextBody
        ? HttpUtility.ParseQueryString(Encoding.UTF8.GetString(Body))
        : new NameValueCollection();

    /// <summary>A scalar field from a JSON body, a form body or the query string, matched in any case.</summary>
    public string? Field(string name)
    {
        if (Json is { } json && JsonProperty(json, name) is { } element)
            return element.ValueKind == JsonValueKind.String ? element.GetString() : element.ToString();
        return Form[name] ?? Query[name];
    }

    public static JsonElement? JsonProperty(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object) return null;
        foreach (var property in obj.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        return null;
    }

    private JsonElement? ParseJsonObject()
    {
        if (!HasTextBody) return null;
        var text = Encoding.UTF8.GetString(Body).TrimStart();
        if (!text.StartsWith('{')) return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>True for bodies a person could read in a journal (JSON, forms, text).</summary>
    public static bool IsText(string contentType, byte[] body)
    {
        var type = contentType.ToLowerInvariant();
        if (type.Contains("json") || type.Contains("x-www-form-urlencoded") || type.StartsWith("text/")) return true;
        if (type.Length > 0) return false;
        return body.Take(512).All(b => b is >= 0x20 and < 0x7F or (byte)'\r' or (byte)'\n' or (byte)'\t');
    }
}
