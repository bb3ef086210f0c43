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

    private readonly Dictionary<string, WindowState> _windows = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    /// <summary>Logs (or counts) one refused delivery from <paramref name="source"/>; <paramref name="problem"/> is safe to log.</summary>
    public void Rejected(string source, int statusCode, string problem)
    {
        ArgumentNullException.ThrowIfNull(source);
        var log = TryEnter(source, out var suppressed);
        if (suppressed > 0)
        {
            LogSuppressed(logger, suppressed, source, Window.TotalSeconds);
        }

        if (log)
        {
            LogRejected(logger, source, statusCode, problem);
        }
    }

    /// <summary>
    /// Logs (or counts) a delivery from <paramref name="source"/> that could not be stored (the sender is answered 503
    /// and redelivers): an error line with the exception, rate-limited like the rejections.
    /// </summary>
    public void StoreFailed(string source, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(exception);
        var log = TryEnter("store:" + source, out var suppressed);
        if (suppressed > 0)
        {
            LogStoreFailuresSuppressed(logger, suppressed, source, Window.TotalSeconds);
        }

        if (log)
        {
            LogStoreFailed(logger, exception, source, exception.GetType().Name);
        }
    }

    private bool TryEnter(string key, out int suppressedBefore)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_windows.TryGetValue(key, out var state) || now - state.Start >= Window || now < state.Start)
            {
                suppressedBefore = state?.Suppressed ?? 0;
                state = new WindowState { Start = now };
                _windows[key] = state;
            }
            else
            {
                suppressedBefore = 0;
            }

            if (state.Logged < LinesPerWindow)
            {
                state.Logged++;
                return true;
            }

            state.Suppressed++;
            return false;
        }
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Webhook from {Source} rejected with {StatusCode}: {Problem}")]
    private static partial void LogRejected(ILogger logger, string source, int statusCode, string problem);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "{Suppressed} more rejected webhooks from {Source} were not logged (at most 10 lines per {WindowSeconds} s)")]
    private static partial void LogSuppressed(ILogger logger, int suppressed, string source, double windowSeconds);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Webhook from {Source} could not be stored ({ExceptionType}); answered 503 so that the sender redelivers")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, string source, string exceptionType);

    [LoggerMessage(EventId = 105, Level = LogLevel.Error, Message = "{Suppressed} more webhooks from {Source} could not be stored and were not logged (at most 10 lines per {WindowSeconds} s)")]
    private static partial void LogStoreFailuresSuppressed(ILogger logger, int suppressed, string source, double windowSeconds);

    private sealed class WindowState
    {
        public DateTimeOffset Start { get; init; }
        public int Logged { get; set; }
        public int Suppressed { get; set; }
    }
}
