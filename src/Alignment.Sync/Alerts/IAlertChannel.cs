namespace Alignment.Sync.Alerts;

/// <summary>Where SLA alerts go (Slack). The sweep guarantees once-per-key through the alert ledger; the channel delivers.</summary>
public interface IAlertChannel
{
    /// <summary>
    /// Delivers the alert. Throws <see cref="AlertDeliveryException"/> when it was not delivered or may not have been.
    /// </summary>
    Task SendAsync(Alert alert, CancellationToken cancellationToken);

    /// <summary>
    /// Whether an alert with this key was already delivered since <paramref name="since"/> (UTC), for a send whose
    /// outcome is unknown (crash or timeout mid-send). Null when the channel cannot tell (e.g. incoming webhooks).
    /// </summary>
    Task<bool?> WasDeliveredAsync(Alert alert, DateTimeOffset since, CancellationToken cancellationToken);
}
