using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Alignment.Core.Calendar;

/// <summary>
/// Business time in one IANA time zone: weekly opening hours in local wall-clock time, minus holidays (local dates).
/// Every input and output instant is a UTC instant; local time exists only inside. DST is handled on purpose: an
/// opening or closing time inside a gap resolves to the end of the gap, one inside an overlap to its earlier
/// occurrence, and business time is measured between instants (a business day that spans a change has its real
/// length). Immutable and thread-safe.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly FrozenSet<DateOnly> _holidays;

    public BusinessCalendar(TimeZoneInfo zone, WeeklyHours hours, IEnumerable<DateOnly>? holidays = null)
    {
        Zone = zone ?? throw new ArgumentNullException(nameof(zone));
        Hours = hours ?? throw new ArgumentNullException(nameof(hours));
        Holidays = [.. (holidays ?? []).Distinct().Order()];
        _holidays = Holidays.ToFrozenSet();
    }

    /// <summary>Builds a calendar for an IANA zone id; an unknown id is a failure naming it, not an exception.</summary>
    public static BusinessCalendarResult Create(string? timeZoneId, WeeklyHours hours, IEnumerable<DateOnly>? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return TimeZones.TryFind(timeZoneId, out var zone, out var error)
            ? BusinessCalendarResult.Success(new BusinessCalendar(zone, hours, holidays))
            : BusinessCalendarResult.Failure(error);
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The IANA id of <see cref="Zone"/>.</summary>
    public string TimeZoneId => Zone.Id;

    public WeeklyHours Hours { get; }

    /// <summary>Local dates without business time, ascending.</summary>
    public ImmutableArray<DateOnly> Holidays { get; }

    /// <summary>The local date, in this calendar's zone, of a UTC instant.</summary>
    public DateOnly LocalDateOf(DateTimeOffset instant) => DateOnly.FromDateTime(LocalTimeOf(instant));

    /// <summary>The local wall-clock time, in this calendar's zone, of a UTC instant.</summary>
    public DateTime LocalTimeOf(DateTimeOffset instant) => LocalTimeResolver.ToLocal(Zone, instant);

    /// <summary>The UTC instant of a local wall-clock time (gap: end of the gap; overlap: earlier occurrence).</summary>
    public DateTimeOffset InstantOf(DateOnly date, TimeOnly time) => LocalTimeResolver.ToInstant(Zone, date.ToDateTime(time));

    /// <summary>The business time of a local date, or null for a weekend day or holiday.</summary>
    public BusinessInterval? IntervalOn(DateOnly date)
    {
        if (Hours.For(date.DayOfWeek) is not { } hours || _holidays.Contains(date))
        {
            return null;
        }

        var open = InstantOf(date, hours.Open);
        var close = InstantOf(date, hours.Close);

        // Hours that fall wholly inside a DST gap leave no business time that day.
        return open < close ? new BusinessInterval(date, open, close) : null;
    }

    public bool IsBusinessDay(DateOnly date) => IntervalOn(date) is not null;

    /// <summary>True when the instant is in business hours: in [opening, closing) of a business day.</summary>
    public bool IsOpen(DateTimeOffset instant) => IntervalOn(LocalDateOf(instant)) is { } interval && interval.Contains(instant);

    /// <summary>True when the instant is in business hours counting the closing instant as inside: [opening, closing].</summary>
    public bool IsWithinHours(DateTimeOffset instant) =>
        IntervalOn(LocalDateOf(instant)) is { } interval && instant >= interval.Open && instant <= interval.Close;

    /// <summary>The business day in progress at <paramref name="instant"/> (its closing is later), else the next one.</summary>
    public BusinessInterval IntervalAtOrAfter(DateTimeOffset instant)
    {
        for (var date = LocalDateOf(instant); ; date = date.AddDays(1))
        {
            if (IntervalOn(date) is { } interval && interval.Close > instant)
            {
                return interval;
            }
        }
    }

    /// <summary>The first business day on a local date strictly after <paramref name="date"/>.</summary>
    public BusinessInterval NextBusinessDayAfter(DateOnly date) => NthBusinessDayAfter(date, 1);

    /// <summary>The <paramref name="count"/>-th business day on a local date strictly after <paramref name="date"/> (count ≥ 1).</summary>
    public BusinessInterval NthBusinessDayAfter(DateOnly date, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        for (var d = date.AddDays(1); ; d = d.AddDays(1))
        {
            if (IntervalOn(d) is { } interval && --count == 0)
            {
                return interval;
            }
        }
    }

    /// <summary>The earliest opening instant at or after <paramref name="instant"/>.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset instant)
    {
        for (var date = LocalDateOf(instant); ; date = date.AddDays(1))
        {
            if (IntervalOn(date) is { } interval && interval.Open >= instant)
            {
                return interval.Open;
            }
        }
    }

    /// <summary>When a business-time clock started at <paramref name="instant"/> starts ticking: the instant itself when open, else the next opening.</summary>
    public DateTimeOffset ClockStart(DateTimeOffset instant) => IsOpen(instant) ? instant : NextOpening(instant);

    /// <summary>The closing instant of the business day in progress at <paramref name="instant"/>, else of the next business day.</summary>
    public DateTimeOffset EndOfBusinessDay(DateTimeOffset instant) => IntervalAtOrAfter(instant).Close;

    /// <summary>
    /// The instant at which <paramref name="duration"/> of business time has passed since <paramref name="start"/>
    /// (duration ≥ 0). Time outside business hours does not count; the result is always within business hours
    /// (a closing instant counts as within). Zero from outside hours gives the next opening.
    /// </summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (duration == TimeSpan.Zero)
        {
            return ClockStart(start);
        }

        var remaining = duration;
        for (var date = LocalDateOf(start); ; date = date.AddDays(1))
        {
            if (IntervalOn(date) is not { } interval || interval.Close <= start)
            {
                continue;
            }

            var from = start > interval.Open ? start : interval.Open;
            var available = interval.Close - from;
            if (remaining <= available)
            {
                return from + remaining;
            }

            remaining -= available;
        }
    }

    /// <summary>Business time between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var last = LocalDateOf(to);
        for (var date = LocalDateOf(from); date <= last; date = date.AddDays(1))
        {
            if (IntervalOn(date) is not { } interval)
            {
                continue;
            }

            var start = from > interval.Open ? from : interval.Open;
            var end = to < interval.Close ? to : interval.Close;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }
}
