using System.Collections.Concurrent;

namespace Alignment.Sandbox.HubSpot;

/// <summary>Requests received by kind: <c>search</c>, <c>batch-read</c>, <c>batch-update</c>, <c>associations</c>, <c>owners</c>, <c>properties</c>, <c>events</c>, <c>other</c>; plus <c>throttled</c> (429s answered).</summary>
public sealed class HubSpotRequestCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Requests of a kind so far.</summary>
    public int this[string kind] => _counts.GetValueOrDefault(kind);

    /// <summary>All requests (429s included).</summary>
    public int Total => _counts.Where(c => c.Key != "throttled").Sum(c => c.Value);

    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_counts, StringComparer.Ordinal);

    public void Reset() => _counts.Clear();

    internal void Count(string method, string path) => _counts.AddOrUpdate(KindOf(method, path), 1, (_, n) => n + 1);

    internal void Throttled() => _counts.AddOrUpdate("throttled", 1, (_, n) => n + 1);

    internal static string KindOf(string method, string path) =>
        path.EndsWith("/search", StringComparison.Ordinal) ? "search"
        : path.Contains("/associations", StringComparison.Ordinal) ? "associations"
        : path.EndsWith("/batch/read", StringComparison.Ordinal) ? "batch-read"
        : path.EndsWith("/batch/update", StringComparison.Ordinal) ? "batch-update"
        : path.Contains("/owners", StringComparison.Ordinal) ? "owners"
        : path.Contains("/properties", StringComparison.Ordinal) ? "properties"
        : path.StartsWith("/events/", StringComparison.Ordinal) ? "events"
        : method + " other";
}
