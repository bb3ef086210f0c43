namespace Alignment.Core.Calendar;

/// <summary>
/// Turns a local wall-clock time of a zone into a UTC instant, choosing on purpose where the wall clock is not
/// one-to-one: a time inside a gap (clocks jump forward) resolves to the end of the gap, the first instant the
/// clock reads a later time; a time inside an overlap (clocks fall back) resolves to its earlier occurrence.
/// </summary>
internal static class LocalTimeResolver
{
    public static DateTimeOffset ToInstant(TimeZoneInfo zone, DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return EndOfGap(zone, local);
        }

        TimeSpan offset;
        if (zone.IsAmbiguousTime(local))
        {
            // The earlier occurrence is the one with the larger UTC offset.
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    /// <summary>The local wall-clock time of an instant.</summary>
    public static DateTime ToLocal(TimeZoneInfo zone, DateTimeOffset instant) =>
        new(instant.UtcTicks + zone.GetUtcOffset(instant).Ticks, DateTimeKind.Unspecified);

    // The smallest instant whose local reading is at or after `local`: the transition that skips over it.
    // UTC offsets are within ±15 h, so the answer lies in [local - 15 h, local + 15 h] read as UTC, where the local
    // reading is non-decreasing (one transition per window).
    private static DateTimeOffset EndOfGap(TimeZoneInfo zone, DateTime local)
    {
        var window = TimeSpan.FromHours(15).Ticks;
        var lo = local.Ticks - window;
        var hi = local.Ticks + window;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var reading = mid + zone.GetUtcOffset(new DateTimeOffset(mid, TimeSpan.Zero)).Ticks;
            if (reading >= local.Ticks)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return new DateTimeOffset(lo, TimeSpan.Zero);
    }
}
