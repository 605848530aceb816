namespace FakeBaseSpace;

/// <summary>
/// A property as written: its values are the content (or each item) as sent, references as hrefs
/// ("v1pre3/samples/3001"), so a reader can compare them with the resources they name.
/// </summary>
public sealed record PropertySnapshot(string Name, string Type, IReadOnlyList<string> Values);

/// <summary>A reference of an AppResult ("using" a sample), by href.</summary>
public sealed record ReferenceSnapshot(string Rel, string Href);

/// <summary>An AppResult as the app left it: where it was written, what it refers to, its properties and files.</summary>
public sealed record AppResultSnapshot(
    string Id,
    string Name,
    string ProjectId,
    string UserId,
    string AppSessionId,
    DateTimeOffset DateCreated,
    IReadOnlyList<ReferenceSnapshot> References,
    IReadOnlyList<PropertySnapshot> Properties,
    IReadOnlyList<string> FilePaths)
{
    public string Href => $"v1pre3/appresults/{Id}";
}

internal static class SnapshotMapping
{
    public static PropertySnapshot Snapshot(this Property property) => new(property.Name, property.Type,
        property.ContentReference is { } reference ? [reference.Href]
        : property.Content is { } content ? [content]
        : property.ItemReferences is { } references ? references.Select(r => r.Href).ToArray()
        : property.Items?.ToArray() ?? []);
}
