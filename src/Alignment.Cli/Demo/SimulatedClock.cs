namespace Alignment.Cli.Demo;

/// <summary>
/// A clock the demo moves forward by hand, so that a business day of SLA sweeps happens in seconds. Only "now" is
/// simulated: timers, delays and elapsed-time stamps stay real, so a retry back-off or a timeout still fires.
/// </summary>
internal sealed class SimulatedClock : TimeProvider
{
    private long _utcTicks;

    public SimulatedClock(DateTimeOffset start)
    {
        _utcTicks = start.UtcTicks;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="instant"/>; it never goes back.</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        var target = instant.UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _utcTicks);
            if (target <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _utcTicks, target, current) != current);
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        AdvanceTo(GetUtcNow() + by);
    }
}
