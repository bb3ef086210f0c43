using System.Globalization;

namespace Alignment.Core.Sla;

/// <summary>
/// The identity of one alert: at most one alert is sent per account, handoff and level. <see cref="ToString"/> is
/// stable across runs and processes, e.g. <c>sla|001A000001abcDE|2026-11-20T15:00:00Z|Breached</c>; the handoff
/// instant is written in UTC truncated to whole seconds, so a value read back from a CRM that keeps only seconds or
/// milliseconds gives the same key.
/// </summary>
public readonly record struct SlaAlertKey
{
    public SlaAlertKey(string accountId, DateTimeOffset handoffAt, SlaAlertLevel level)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        if (!Enum.IsDefined(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown alert level.");
        }

        AccountId = accountId;
        HandoffAt = new DateTimeOffset(handoffAt.UtcTicks - (handoffAt.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        Level = level;
    }

    public string AccountId { get; }

    /// <summary>The handoff instant, UTC, whole seconds.</summary>
    public DateTimeOffset HandoffAt { get; }

    public SlaAlertLevel Level { get; }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"sla|{AccountId}|{HandoffAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}|{Level}");
}
