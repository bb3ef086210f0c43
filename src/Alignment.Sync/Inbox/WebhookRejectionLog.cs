using Microsoft.Extensions.Logging;

namespace Alignment.Sync.Inbox;

/// <summary>
/// Logs refused webhook deliveries (bad signature, wrong organization, malformed body: expected outcomes of junk traffic,
/// not failures) as one warning line each, without a stack trace, at most <see cref="LinesPerWindow"/> lines per source
/// per <see cref="Window"/>; the rest are counted and the count is logged when the next window opens, so a flood of
/// junk cannot flood the log. One instance per process (a singleton), thread-safe.
/// </summary>
public sealed partial class WebhookRejectionLog(TimeProvider time, ILogger logger)
{
    /// <summary>Lines logged per source and window before the rest are only counted.</summary>
    public const int LinesPerWindow = 10;

    /// <summary>The rate window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, WindowState> windows = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();

    /// <summary>Logs (or counts) one refused delivery from <paramref name="source"/>; <paramref name="problem"/> is safe to log.</summary>
    public void Rejected(string source, int statusCode, string problem)
    {
        ArgumentNullException.ThrowIfNull(source);
        var now = time.GetUtcNow();
        int suppressed;
        bool log;
        lock (gate)
        {
            if (!windows.TryGetValue(source, out var state) || now - state.Start >= Window || now < state.Start)
            {
                suppressed = state?.Suppressed ?? 0;
                state = new WindowState { Start = now };
                windows[source] = state;
            }
            else
            {
                suppressed = 0;
            }

            log = state.Logged < LinesPerWindow;
            if (log)
            {
                state.Logged++;
            }
            else
            {
                state.Suppressed++;
            }
        }

        if (suppressed > 0)
        {
            LogSuppressed(logger, suppressed, source, Window.TotalSeconds);
        }

        if (log)
        {
            LogRejected(logger, source, statusCode, problem);
        }
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Webhook from {Source} rejected with {StatusCode}: {Problem}")]
    private static partial void LogRejected(ILogger logger, string source, int statusCode, string problem);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "{Suppressed} more rejected webhooks from {Source} were not logged (at most 10 lines per {WindowSeconds} s)")]
    private static partial void LogSuppressed(ILogger logger, int suppressed, string source, double windowSeconds);

    private sealed class WindowState
    {
        public DateTimeOffset Start { get; init; }
        public int Logged { get; set; }
        public int Suppressed { get; set; }
    }
}
