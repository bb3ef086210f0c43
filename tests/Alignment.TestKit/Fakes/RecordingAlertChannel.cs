using Alignment.Sync.Alerts;

namespace Alignment.TestKit.Fakes;

/// <summary>
/// An <see cref="IAlertChannel"/> that records what it delivered, with fault injection: refuse the next sends
/// (429 with Retry-After, 500, permanent), time out after delivering, or "crash" before or after delivering.
/// </summary>
public sealed class RecordingAlertChannel : IAlertChannel
{
    private readonly List<Alert> _delivered = [];
    private readonly Queue<Func<Alert, Task>> _faults = new();
    private readonly Lock _gate = new();

    /// <summary>Every delivery, in order; a key that appears twice was sent twice.</summary>
    public IReadOnlyList<Alert> Delivered
    {
        get
        {
            lock (_gate)
            {
                return [.. _delivered];
            }
        }
    }

    /// <summary>Calls to <see cref="SendAsync"/>, faulted ones included.</summary>
    public int SendCalls { get; private set; }

    public int WasDeliveredCalls { get; private set; }

    /// <summary>Whether <see cref="WasDeliveredAsync"/> can tell (bot token: true; incoming webhook: false → null).</summary>
    public bool CanTellDelivery { get; set; } = true;

    /// <summary>The next <paramref name="times"/> sends fail with 429 and the given Retry-After; nothing is delivered.</summary>
    public RecordingAlertChannel RateLimitNext(int times, TimeSpan retryAfter) =>
        Enqueue(times, _ => throw new AlertDeliveryException("429 rate_limited", transient: true, mayHaveBeenDelivered: false, retryAfter));

    /// <summary>The next <paramref name="times"/> sends fail with a 500; nothing is delivered.</summary>
    public RecordingAlertChannel FailNext(int times) =>
        Enqueue(times, _ => throw new AlertDeliveryException("500 internal_error", transient: true, mayHaveBeenDelivered: false));

    /// <summary>The next <paramref name="times"/> sends are refused for good (e.g. channel_not_found).</summary>
    public RecordingAlertChannel RefuseNext(int times) =>
        Enqueue(times, _ => throw new AlertDeliveryException("channel_not_found", transient: false, mayHaveBeenDelivered: false));

    /// <summary>The next send is delivered but the answer times out (<see cref="AlertDeliveryException.MayHaveBeenDelivered"/>).</summary>
    public RecordingAlertChannel TimeOutAfterDeliveringNext() =>
        Enqueue(1, alert =>
        {
            Record(alert);
            throw new AlertDeliveryException("timeout", transient: true, mayHaveBeenDelivered: true);
        });

    /// <summary>The next send times out before reaching the channel (may have been delivered, but was not).</summary>
    public RecordingAlertChannel TimeOutWithoutDeliveringNext() =>
        Enqueue(1, _ => throw new AlertDeliveryException("timeout", transient: true, mayHaveBeenDelivered: true));

    /// <summary>The process "dies" in the next send before the request leaves.</summary>
    public RecordingAlertChannel CrashBeforeSendingNext() =>
        Enqueue(1, _ => throw new SimulatedCrashException("Crashed before sending the alert."));

    /// <summary>The process "dies" right after the next alert was delivered.</summary>
    public RecordingAlertChannel CrashAfterSendingNext() =>
        Enqueue(1, alert =>
        {
            Record(alert);
            throw new SimulatedCrashException("Crashed after sending the alert.");
        });

    public Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        Func<Alert, Task>? fault;
        lock (_gate)
        {
            SendCalls++;
            _faults.TryDequeue(out fault);
        }

        if (fault is not null)
        {
            return fault(alert);
        }

        Record(alert);
        return Task.CompletedTask;
    }

    public Task<bool?> WasDeliveredAsync(Alert alert, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        lock (_gate)
        {
            WasDeliveredCalls++;
            if (!CanTellDelivery)
            {
                return Task.FromResult<bool?>(null);
            }

            return Task.FromResult<bool?>(_delivered.Any(a => a.Key == alert.Key));
        }
    }

    private RecordingAlertChannel Enqueue(int times, Func<Alert, Task> fault)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _faults.Enqueue(fault);
            }
        }

        return this;
    }

    private void Record(Alert alert)
    {
        lock (_gate)
        {
            _delivered.Add(alert);
        }
    }
}
