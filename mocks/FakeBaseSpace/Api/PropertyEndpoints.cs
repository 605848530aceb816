using System.Text.Json;
using FakeBaseSpace.Http;

namespace FakeBaseSpace.Api;

/// <summary>Properties on samples, AppResults, AppSessions and projects: write, read, list items, delete.</summary>
internal static class PropertyEndpoints
{
    private static readonly string[] Owners = ["samples", "appresults", "appsessions", "projects"];
    private static readonly Dictionary<string, string> ReferenceTypes = new()
    {
        ["project"] = "projects", ["appresult"] = "appresults", ["sample"] = "samples", ["file"] = "files",
        ["appsession"] = "appsessions", ["run"] = "runs",
    };
    private const int MaxNameLength = 64;

    public static void Map(RouteTable<ApiCall> routes)
    {
        foreach (var collection in Owners)
        {
            routes
                .Map("POST", $"v1pre3/{collection}/{{id}}/properties", (call, route) => Write(call, Owner(call, collection, route["id"], "write")))
                .Map("GET", $"v1pre3/{collection}/{{id}}/properties", (call, route) => List(call, Owner(call, collection, route["id"], "browse")))
                .Map("GET", $"v1pre3/{collection}/{{id}}/properties/{{name}}", (call, route) =>
                {
                    var owner = Owner(call, collection, route["id"], "browse");
                    return Reply.Json(200, Wire.Envelope(call.Wire.Property(owner, Find(call, owner, route["name"]))));
                })
                .Map("GET", $"v1pre3/{collection}/{{id}}/properties/{{name}}/items", (call, route) =>
                {
                    var owner = Owner(call, collection, route["id"], "browse");
                    return Items(call, Find(call, owner, route["name"]));
                })
                .Map("DELETE", $"v1pre3/{collection}/{{id}}/properties/{{name}}", (call, route) =>
                {
                    var owner = Owner(call, collection, route["id"], "write");
                    var property = Find(call, owner, route["name"]);
                    call.State.DeleteProperty(owner, property);
                    return Reply.Json(200, Wire.Envelope(call.Wire.Property(owner, property)));
                });
        }
    }

    /// <summary>
    /// The resource whose properties are addressed, after the access check: an AppSession belongs to its app
    /// and user; anything else needs the verb's scope on its project (or on itself).
    /// </summary>
    private static ResourceKey Owner(ApiCall call, string collection, string id, string verb)
    {
        var key = new ResourceKey(collection, id);
        if (collection == "appsessions")
        {
            call.RequireAppSession(id, allowClientCredentials: false);
            return key;
        }
        call.RequireResource(verb, key);
        return key;
    }

    /// <summary>The named property; 410 RESOURCE_REMOVED if it was deleted, 404 NOT_FOUND if it never existed.</summary>
    private static Property Find(ApiCall call, ResourceKey owner, string name) =>
        call.State.PropertiesOf(owner).FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw (call.State.IsRemovedProperty(owner, name)
            ? ApiException.Removed($"Property '{name}'")
            : new ApiException(404, "BASESPACE.PROPERTIES.NOT_FOUND", $"Property '{name}' not found"));

    private static Reply List(ApiCall call, ResourceKey owner)
    {
        var (items, page) = ListQuery.From(call.Request).Apply(call.State.PropertiesOf(owner), (p, by) => by == "Name" ? p.Name : "");
        return Reply.Json(200, Wire.Envelope(Wire.List(items.Select(p => call.Wire.Property(owner, p)), page)));
    }

    private static Reply Items(ApiCall call, Property property)
    {
        if (!property.IsList) throw ApiException.BadRequest("BASESPACE.PROPERTIES.TYPE_INVALID", $"Property '{property.Name}' is not a list");
        var contents = property.ItemReferences is { } targets ? targets.Select(call.Wire.Content).ToArray()
            : property.ItemsMap is { } maps ? maps.Cast<object>().ToArray()
            : property.Items!.Cast<object>().ToArray();
        var items = contents.Select((content, index) => (object)new { Id = (index + 1).ToString(), Content = content });
        var (page, listPage) = ListQuery.From(call.Request).Apply(items, (_, _) => 0);
        return Reply.Json(200, Wire.Envelope(Wire.List(page, listPage)));
    }

    /// <summary>{"Properties":[{Type, Name, Description, Content | Items}]}: all are checked before any is written.</summary>
    private static Reply Write(ApiCall call, ResourceKey owner)
    {
        if (call.Request.Json is not { } body || HttpCall.JsonProperty(body, "Properties") is not { ValueKind: JsonValueKind.Array } array)
            throw ApiException.BadRequest("BASESPACE.PROPERTIES.INVALID", "The body must be {\"Properties\":[…]}");
        var properties = array.EnumerateArray().Select(p => Parse(call, p)).ToList();
        var duplicate = properties.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw ApiException.BadRequest("BASESPACE.PROPERTIES.DUPLICATE_NAMES", $"Property '{duplicate.Key}' appears more than once");
        call.State.WriteProperties(owner, properties);
        return Reply.Json(201, Wire.Envelope(call.Wire.PropertyCollection(owner)));
    }

    private static Property Parse(ApiCall call, JsonElement json)
    {
        string? Text(string field) => HttpCall.JsonProperty(json, field) is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;
        var name = Text("Name") ?? "";
        if (name.Length == 0 || name.Length > MaxNameLength)
            throw ApiException.BadRequest("BASESPACE.PROPERTIES.NAME_LENGTH", $"Property names have 1 to {MaxNameLength} characters");
        if (!name.Contains('.'))
            throw ApiException.BadRequest("BASESPACE.PROPERTIES.NAME_INVALID", $"Property name '{name}' needs a namespace ('Input.Samples')");
        var type = (Text("Type") ?? "").ToLowerInvariant();
        var isList = type.EndsWith("[]", StringComparison.Ordinal);
        var baseType = isList ? type[..^2] : type;
        if (baseType is not ("string" or "map") && !ReferenceTypes.ContainsKey(baseType))
            throw ApiException.BadRequest("BASESPACE.PROPERTIES.TYPE_INVALID", $"Property type '{type}' is not supported");
        var description = Text("Description") ?? "";
        if (baseType == "map") return ParseMapProperty(json, name, type, description, isList);

        var values = isList
            ? HttpCall.JsonProperty(json, "Items") is { ValueKind: JsonValueKind.Array } items
                ? items.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()! : i.ToString()).ToList()
                : throw ApiException.BadRequest("BASESPACE.PROPERTIES.TYPE_INVALID", $"Property '{name}' of type {type} needs Items")
            : [Text("Content") ?? throw ApiException.BadRequest("BASESPACE.PROPERTIES.TYPE_INVALID", $"Property '{name}' needs Content")];

        if (baseType == "string")
            return isList
                ? new Property { Name = name, Type = type, Description = description, Items = values }
                : new Property { Name = name, Type = type, Description = description, Content = values[0] };
        var references = values.Select(v => Reference(call, ReferenceTypes[baseType], v)).ToList();
        return isList
            ? new Property { Name = name, Type = type, Description = description, ItemReferences = references }
            : new Property { Name = name, Type = type, Description = description, ContentReference = references[0] };
    }

    /// <summary>
    /// A map is ContentMap: [{"Key","Values":[…]}] (a plain JSON object is accepted too); map[] is ItemsMap, a
    /// list of such maps. Keys are non-empty words and unique within a map.
    /// </summary>
    private static Property ParseMapProperty(JsonElement json, string name, string type, string description, bool isList)
    {
        if (!isList)
            return new Property
            {
                Name = name, Type = type, Description = description,
                ContentMap = ParseMap(HttpCall.JsonProperty(json, "ContentMap"), name),
            };
        if (HttpCall.JsonProperty(json, "ItemsMap") is not { ValueKind: JsonValueKind.Array } items)
            throw ApiException.BadRequest("BASESPACE.PROPERTIES.TYPE_INVALID", $"Property '{name}' of type {type} needs ItemsMap");
        return new Property
        {
            Name = name, Type = type, Description = description,
            ItemsMap = items.EnumerateArray().Select(i => ParseMap(i, name)).ToList(),
        };
    }

    private static IReadOnlyList<MapEntry> ParseMap(JsonElement? json, string name)
    {
        var entries = json switch
        {
            { ValueKind: JsonValueKind.Array } list => list.EnumerateArray().Select(e => new MapEntry(
                HttpCall.JsonProperty(e, "Key")?.ToString() ?? "", Values(HttpCall.JsonProperty(e, "Values")))).ToList(),
            { ValueKind: JsonValueKind.Object } obj => obj.EnumerateObject().Select(p => new MapEntry(p.Name, Values(p.Value))).ToList(),
            _ => throw ApiException.BadRequest("BASESPACE.PROPERTIES.TYPE_INVALID", $"Property '{name}' needs a ContentMap"),
        };
        if (entries.FirstOrDefault(e => !IsMapKey(e.Key)) is { } bad)
            throw ApiException.BadRequest("BASESPACE.PROPERTIES.CONTENT_MAP_KEY_INVALID", $"Map key '{bad.Key}' is not valid");
        if (entries.GroupBy(e => e.Key, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } dupes)
            throw ApiException.BadRequest("BASESPACE.PROPERTIES.CONTENT_MAP_DUPES", $"Map key '{dupes.Key}' appears more than once");
        return entries;
    }

    private static IReadOnlyList<string> Values(JsonElement? json) => json switch
    {
        { ValueKind: JsonValueKind.Array } list => list.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.ToString()).ToList(),
        { ValueKind: JsonValueKind.String } one => [one.GetString()!],
        { ValueKind: JsonValueKind.Null } or null => [],
        { } other => [other.ToString()],
    };

    private static bool IsMapKey(string key) =>
        key.Length is > 0 and <= 64 && key.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>A reference property's href must name a resource of its type that this user can see.</summary>
    private static ResourceKey Reference(ApiCall call, string collection, string href)
    {
        var key = ResourceKey.TryParse(href);
        if (key is null || key.Collection != collection)
            throw ApiException.BadRequest("BASESPACE.PROPERTIES.CONTENT_REFERENCE_INVALID", $"'{href}' is not a {Wire.TypeName(collection)} reference");
        var visible = collection == "appsessions"
            ? call.State.AppSessions.TryGetValue(key.Id, out var session) && session.UserId == call.UserId
            : call.State.ProjectOf(key) is { } project && call.UserId is { } userId && call.State.CanSee(userId, project);
        if (!visible)
            throw new ApiException(409, "BASESPACE.PROPERTIES.CONTENT_REFERENCE_NOT_RESOLVED", $"'{href}' does not resolve to a resource you can access");
        return key;
    }
}
