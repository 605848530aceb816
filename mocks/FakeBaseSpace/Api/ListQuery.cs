using System.Globalization;
using FakeBaseSpace.Http;

namespace FakeBaseSpace.Api;

/// <summary>What a list response reports about the page it holds.</summary>
internal sealed record ListPage(int DisplayedCount, int TotalCount, int Offset, int Limit, string SortDir, string SortBy);

/// <summary>BaseSpace's list parameters: Offset (0), Limit (10, at most 1024; files 1000), SortBy, SortDir.</summary>
internal sealed record ListQuery(int Offset, int Limit, string SortBy, string SortDir)
{
    public static ListQuery From(HttpCall request, int maxLimit = 1024)
    {
        var offset = Number(request, "Offset", 0);
        var limit = Number(request, "Limit", 10);
        if (offset < 0) throw ApiException.BadRequest("BASESPACE.COMMON.INVALID_PARAMETER", "Offset must not be negative");
        if (limit < 0 || limit > maxLimit) throw ApiException.BadRequest("BASESPACE.COMMON.INVALID_PARAMETER", $"Limit must be between 0 and {maxLimit}");
        var sortBy = request.Query["SortBy"] is { Length: > 0 } by ? Canonical(by, ["Id", "Name", "DateCreated", "Path", "Position"]) : "Id";
        var sortDir = request.Query["SortDir"] is { Length: > 0 } dir ? Canonical(dir, ["Asc", "Desc"]) : "Asc";
        return new ListQuery(offset, limit, sortBy, sortDir);
    }

    /// <summary>Sorts and pages <paramref name="items"/>; <paramref name="sortKey"/> gives a field's value by name.</summary>
    public (IReadOnlyList<T> Items, ListPage Page) Apply<T>(IEnumerable<T> items, Func<T, string, IComparable> sortKey)
    {
        var all = items.ToList();
        var sorted = SortDir == "Desc" ? all.OrderByDescending(i => sortKey(i, SortBy)) : all.OrderBy(i => sortKey(i, SortBy));
        var page = sorted.Skip(Offset).Take(Limit).ToArray();
        return (page, new ListPage(page.Length, all.Count, Offset, Limit, SortDir, SortBy));
    }

    /// <summary>?Statuses=Running,Complete (any case) as a filter on a status; absent, every status passes.</summary>
    public static Func<string, bool> StatusFilter(HttpCall request)
    {
        var statuses = request.Query["Statuses"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return statuses is { Length: > 0 } ? status => statuses.Contains(status, StringComparer.OrdinalIgnoreCase) : _ => true;
    }

    /// <summary>Ids sort as numbers ("9" before "10").</summary>
    public static IComparable IdKey(string id) => long.TryParse(id, CultureInfo.InvariantCulture, out var n) ? n : 0L;

    private static string Canonical(string value, string[] allowed) =>
        allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase))
        ?? throw ApiException.BadRequest("BASESPACE.COMMON.INVALID_PARAMETER", $"'{value}' is not one of {string.Join(", ", allowed)}");

    private static int Number(HttpCall request, string name, int fallback)
    {
        var text = request.Query[name];
        if (string.IsNullOrEmpty(text)) return fallback;
        return int.TryParse(text, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw ApiException.BadRequest("BASESPACE.COMMON.INVALID_PARAMETER", $"{name} must be a number");
    }
}
