namespace Alignment.Core.Calendar;

/// <summary>
/// The business time of one local date as UTC instants: <see cref="Open"/> (inclusive) to <see cref="Close"/>
/// (the end of the business day). <see cref="Open"/> is before <see cref="Close"/>.
/// </summary>
public readonly record struct BusinessInterval(DateOnly Date, DateTimeOffset Open, DateTimeOffset Close)
{
    /// <summary>Business time in the interval (wall-clock changes inside it are accounted for).</summary>
    public TimeSpan Length => Close - Open;

    /// <summary>True when <paramref name="instant"/> is in [Open, Close).</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Open && instant < Close;
}
