namespace FakeBaseSpace.Http;

/// <summary>Method + path pattern ("v1pre3/projects/{id}/samples") → handler, first match wins.</summary>
public sealed class RouteTable<TContext>
{
    private readonly List<(string Method, string[] Pattern, Func<TContext, RouteValues, Reply> Handler)> _routes = [];

    public RouteTable<TContext> Map(string method, string pattern, Func<TContext, RouteValues, Reply> handler)
    {
        _routes.Add((method, pattern.Split('/', StringSplitOptions.RemoveEmptyEntries), handler));
        return this;
    }

    public Func<TContext, RouteValues, Reply>? Match(string method, IReadOnlyList<string> segments, out RouteValues values)
    {
        foreach (var (routeMethod, pattern, handler) in _routes)
        {
            if (routeMethod != method || pattern.Length != segments.Count) continue;
            var captured = new Dictionary<string, string>();
            var matched = true;
            for (var i = 0; i < pattern.Length && matched; i++)
            {
                if (pattern[i].StartsWith('{')) captured[pattern[i].Trim('{', '}')] = segments[i];
                else matched = string.Equals(pattern[i], segments[i], StringComparison.OrdinalIgnoreCase);
            }
            if (!matched) continue;
            values = new RouteValues(captured);
            return handler;
        }
        values = new RouteValues(new Dictionary<string, string>());
        return null;
    }
}

public sealed class RouteValues(IReadOnlyDictionary<string, string> values)
{
    public string this[string name] => values[name];
}
