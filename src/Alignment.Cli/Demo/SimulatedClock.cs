namespace Alignment.Cli.Demo;

/// <summary>
/// A clock the demo moves forward by hand, so that a business day of SLA sweeps happens in seconds. Only "now" is
/// simulated: timers, delays and elapsed-time stamps stay real, so a retry back-off or a timeout still fires.
/// </summary>
internal sealed class SimulatedClock : TimeProvider
{
    private long utcTicks;

    public SimulatedClock(DateTimeOffset start)
    {
        utcTicks = start.UtcTicks;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="instant"/>; it never goes back.</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        var target = instant.UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref utcTicks);
            if (target <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref utcTicks, target, current) != current);
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        AdvanceTo(GetUtcNow() + by);
    }
}
