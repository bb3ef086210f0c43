using System.Collections.Concurrent;
using System.Globalization;

namespace Alignment.Sandbox.Slack;

/// <summary>What the sink recorded, the faults queued, and request counters. Thread-safe.</summary>
internal sealed class SlackSinkState(SlackSinkOptions options)
{
    private readonly Lock _gate = new();
    private readonly List<SlackSinkMessage> _messages = [];
    private readonly List<SlackFault> _faults = [];
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private long _lastTsMicros;

    public SlackSinkOptions Options => options;

    public IReadOnlyList<SlackSinkMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public int RequestCount(string method) => _requests.TryGetValue(method, out var count) ? count : 0;

    public int TotalRequests => _requests.Values.Sum();

    public void Count(string method) => _requests.AddOrUpdate(method, 1, (_, n) => n + 1);

    public void Inject(SlackFault fault, int times)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _faults.Add(fault);
            }
        }
    }

    /// <summary>Takes the first queued fault matching <paramref name="method"/>, if any.</summary>
    public SlackFault? TakeFault(string method)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(f => f.Method is null || f.Method == method);
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index];
            _faults.RemoveAt(index);
            return fault;
        }
    }

    public SlackSinkMessage Record(string via, string channel, string? text, string? blocksJson, string? eventType, string? payloadJson)
    {
        var now = options.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            // Slack ts: seconds.microseconds, unique and increasing per workspace.
            var micros = Math.Max(now.ToUnixTimeMilliseconds() * 1000, _lastTsMicros + 1);
            _lastTsMicros = micros;
            var ts = (micros / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (micros % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            var message = new SlackSinkMessage(via, channel, text, blocksJson, eventType, payloadJson, ts, now);
            _messages.Add(message);
            return message;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _messages.Clear();
            _faults.Clear();
            _requests.Clear();
        }
    }
}
