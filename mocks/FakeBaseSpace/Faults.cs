using System.Text.RegularExpressions;

namespace FakeBaseSpace;

/// <summary>
/// A misbehaviour to inject on matching calls, so an app's error handling can be judged: added latency, an
/// error status (5xx, or 429 with Retry-After) instead of the real answer, or a dropped connection.
/// </summary>
public sealed record Fault
{
    /// <summary>"api" or "web".</summary>
    public required string Origin { get; init; }

    /// <summary>A regular expression matched against the request path (no query), e.g. "^/v1pre3/appsessions/".</summary>
    public required string PathPattern { get; init; }

    /// <summary>Null: any method.</summary>
    public string? Method { get; init; }

    /// <summary>Added before anything else happens.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Answered instead of the real reply (e.g. 500, 503, 429); null: the real reply, after the latency.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Sent as Retry-After (whole seconds) with the status.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Closes the connection without an answer.</summary>
    public bool DropConnection { get; init; }

    /// <summary>How many matching calls it hits; null: every one.</summary>
    public int? Times { get; init; }
}

/// <summary>The faults in force; the first matching one with uses left applies to a call.</summary>
public sealed class FaultPlan
{
    private readonly object _gate = new();
    private readonly List<(Fault Fault, Regex Path, int Used)> _faults = [];

    public void Add(Fault fault)
    {
        var path = new Regex(fault.PathPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        lock (_gate) _faults.Add((fault, path, 0));
    }

    /// <summary>Ends one fault (the same instance that was added), e.g. when the scenario that needed it is over.</summary>
    public void Remove(Fault fault)
    {
        lock (_gate) _faults.RemoveAll(f => ReferenceEquals(f.Fault, fault));
    }

    public void Clear()
    {
        lock (_gate) _faults.Clear();
    }

    /// <summary>The fault for this call, if any, counting it as used.</summary>
    internal Fault? Take(string origin, string method, string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var (fault, pattern, used) = _faults[i];
                if (fault.Origin != origin || (fault.Method is not null && !fault.Method.Equals(method, StringComparison.OrdinalIgnoreCase)) ||
                    !pattern.IsMatch(path) || used >= (fault.Times ?? int.MaxValue))
                    continue;
                _faults[i] = (fault, pattern, used + 1);
                return fault;
            }
            return null;
        }
    }
}
