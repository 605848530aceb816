using FakeBaseSpace;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ConformanceHarness.Profiles;

/// <summary>A profile that cannot be used; the message names the file, line and key.</summary>
public sealed class ProfileException(string message) : Exception(message);

/// <summary>
/// Reads a profile (YAML, or JSON, which YAML reads too) and validates it against the contract.
/// Walks the YAML tree by hand rather than deserializing, so every error can name the key and its line.
/// </summary>
public static class ProfileLoader
{
    public static AppProfile Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath)) throw new ProfileException($"{path}: no such profile file");
        YamlStream stream = new();
        try
        {
            using var reader = new StreamReader(fullPath);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ProfileException($"{fullPath}:{e.Start.Line}: not valid YAML or JSON: {e.InnerException?.Message ?? e.Message}");
        }
        if (stream.Documents.Count == 0) throw new ProfileException($"{fullPath}: the profile is empty");
        var root = new Node(fullPath, "", stream.Documents[0].RootNode);
        return Read(root);
    }

    private static AppProfile Read(Node root)
    {
        var top = root.Mapping("app", "timeouts", "fake", "faults");
        var app = top.Required("app").Mapping("name", "version", "url", "launchPath", "start");
        var start = app.Optional("start")?.Mapping("command", "workdir", "env", "readyPath", "readySeconds");
        var url = app.Optional("url")?.AbsoluteHttpsOrHttpUrl();
        if (url is null && start is null)
            throw root.Error("app.url", "is required when app.start is not given (the harness must know where the running app is)");
        var timeouts = top.Optional("timeouts")?.Mapping("completeSeconds");
        var fake = top.Optional("fake")?.Mapping("apiPort", "webPort", "clientId", "clientSecret");

        return new AppProfile(
            root.File,
            new AppSection(
                app.Required("name").String(),
                app.Optional("version")?.String() ?? "",
                url,
                app.Optional("launchPath")?.Path() ?? "/launch",
                start is null ? null : new StartSection(
                    start.Required("command").String(),
                    start.Optional("workdir")?.String() ?? ".",
                    start.Optional("env")?.StringMap() ?? new Dictionary<string, string>(),
                    start.Optional("readyPath")?.Path() ?? "/",
                    start.Optional("readySeconds")?.PositiveInt() ?? 60)),
            new TimeoutSection(timeouts?.Optional("completeSeconds")?.PositiveInt() ?? 120),
            fake is null ? FakeSection.Fresh : new FakeSection(
                fake.Optional("apiPort")?.Port() ?? 0,
                fake.Optional("webPort")?.Port() ?? 0,
                fake.Optional("clientId")?.UrlSafe(),
                fake.Optional("clientSecret")?.UrlSafe()),
            top.Optional("faults")?.Sequence().Select(ReadFault).ToList() ?? []);
    }

    /// <summary>One injected fault: which calls (origin, path pattern, method) and what goes wrong.</summary>
    private static Fault ReadFault(Node node)
    {
        var fault = node.Mapping("origin", "path", "method", "latencyMs", "status", "retryAfterSeconds", "drop", "times");
        var origin = fault.Optional("origin")?.OneOf("api", "web") ?? "api";
        var result = new Fault
        {
            Origin = origin,
            PathPattern = fault.Required("path").Regex(),
            Method = fault.Optional("method")?.String().ToUpperInvariant(),
            Latency = TimeSpan.FromMilliseconds(fault.Optional("latencyMs")?.PositiveInt() ?? 0),
            StatusCode = fault.Optional("status")?.WholeNumber(100, 599, "an HTTP status (100-599)"),
            RetryAfter = fault.Optional("retryAfterSeconds")?.PositiveInt() is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            DropConnection = fault.Optional("drop")?.Boolean() ?? false,
            Times = fault.Optional("times")?.PositiveInt(),
        };
        if (result.Latency == TimeSpan.Zero && result.StatusCode is null && !result.DropConnection)
            throw node.Error(node.Key, "must say what goes wrong: latencyMs, status or drop");
        return result;
    }

    /// <summary>A YAML node with the dotted key that led to it, for error messages.</summary>
    private sealed class Node(string file, string key, YamlNode value)
    {
        public string File => file;
        public string Key => key;

        public IEnumerable<Node> Sequence()
        {
            if (value is not YamlSequenceNode list) throw Error("must be a list");
            return list.Children.Select((child, i) => new Node(file, $"{key}[{i}]", child)).ToList();
        }

        public string OneOf(params string[] allowed)
        {
            var text = String();
            return allowed.FirstOrDefault(a => a.Equals(text, StringComparison.OrdinalIgnoreCase))
                ?? throw Error($"must be one of {string.Join(", ", allowed)}, not '{text}'");
        }

        public string Regex()
        {
            var text = String();
            try
            {
                _ = new System.Text.RegularExpressions.Regex(text);
                return text;
            }
            catch (ArgumentException e)
            {
                throw Error($"is not a valid regular expression: {e.Message}");
            }
        }

        public bool Boolean()
        {
            if (value is YamlScalarNode { Value: { } text } && bool.TryParse(text, out var flag)) return flag;
            throw Error("must be true or false");
        }

        public ProfileException Error(string at, string problem) =>
            new($"{file}:{value.Start.Line}: '{at}' {problem}");

        private ProfileException Error(string problem) => Error(key, problem);

        public Mapping Mapping(params string[] allowed)
        {
            if (value is not YamlMappingNode map) throw Error($"must be a mapping of keys ({string.Join(", ", allowed)})");
            foreach (var entry in map.Children)
            {
                var name = ((YamlScalarNode)entry.Key).Value ?? "";
                if (!allowed.Contains(name))
                    throw new ProfileException(
                        $"{file}:{entry.Key.Start.Line}: unknown key '{Join(key, name)}' (allowed here: {string.Join(", ", allowed)})");
            }
            return new Mapping(file, key, map);
        }

        public string String()
        {
            if (value is not YamlScalarNode { Value: { } text } || text.Length == 0 || IsNullLiteral(value))
                throw Error("must be a non-empty string");
            return text;
        }

        public string Path()
        {
            var text = String();
            if (!text.StartsWith('/')) throw Error($"must be a path starting with '/', not '{text}'");
            return text;
        }

        public int PositiveInt() => WholeNumber(1, int.MaxValue, "a positive whole number of seconds");

        public int Port() => WholeNumber(1, 65535, "a TCP port (1-65535)");

        /// <summary>Client ids and secrets go into URLs (one SDK puts them in user:password@host): letters, digits, - and _.</summary>
        public string UrlSafe()
        {
            var text = String();
            if (!text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                throw Error("may hold only letters, digits, '-' and '_'");
            return text;
        }

        public int WholeNumber(int min, int max, string what)
        {
            if (value is not YamlScalarNode { Value: { } text } || !int.TryParse(text, out var number) || number < min || number > max)
                throw Error($"must be {what}, not '{(value as YamlScalarNode)?.Value}'");
            return number;
        }

        public Uri AbsoluteHttpsOrHttpUrl()
        {
            var text = String();
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
                throw Error($"must be an absolute http(s) URL, not '{text}'");
            return uri;
        }

        public IReadOnlyDictionary<string, string> StringMap()
        {
            if (value is not YamlMappingNode map) throw Error("must be a mapping of NAME: value");
            var result = new Dictionary<string, string>();
            foreach (var (k, v) in map.Children)
            {
                var name = ((YamlScalarNode)k).Value ?? "";
                if (v is not YamlScalarNode scalar || IsNullLiteral(v))
                    throw new ProfileException($"{file}:{v.Start.Line}: '{Join(key, name)}' must be a string value");
                result[name] = scalar.Value ?? "";
            }
            return result;
        }

        private static bool IsNullLiteral(YamlNode node) =>
            node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" or "" };
    }

    private sealed class Mapping(string file, string key, YamlMappingNode map)
    {
        public Node? Optional(string name) =>
            map.Children.TryGetValue(new YamlScalarNode(name), out var child) ? new Node(file, Join(key, name), child) : null;

        public Node Required(string name) =>
            Optional(name) ?? throw new ProfileException($"{file}:{map.Start.Line}: '{Join(key, name)}' is required");
    }

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";
}
