using Alignment.Core.Calendar;

namespace Alignment.Core.Tests.Calendar;

/// <summary>Opening hours placed on purpose inside DST gaps and overlaps (Sunday hours on the 2026 switch days).</summary>
public sealed class DstResolutionTests
{
    private static BusinessCalendar SundayHours(string zone, int openHour, int openMinute, int closeHour, int closeMinute)
    {
        var hours = new WeeklyHours([KeyValuePair.Create(DayOfWeek.Sunday, new BusinessHours(new TimeOnly(openHour, openMinute), new TimeOnly(closeHour, closeMinute)))]);
        return BusinessCalendar.Create(zone, hours).Calendar!;
    }

    [Theory]
    // New York, Sun 2026-03-08: 02:00 EST → 03:00 EDT. Opening 02:30 is in the gap → end of gap 03:00 EDT = 07:00Z.
    [InlineData("America/New_York", 2026, 3, 8, 2, 30, 5, 0, "2026-03-08T07:00:00Z", "2026-03-08T09:00:00Z")]
    // Berlin, Sun 2026-03-29: 02:00 CET → 03:00 CEST. Opening 02:30 → 03:00 CEST = 01:00Z; closing 05:00 CEST = 03:00Z.
    [InlineData("Europe/Berlin", 2026, 3, 29, 2, 30, 5, 0, "2026-03-29T01:00:00Z", "2026-03-29T03:00:00Z")]
    // New York, Sun 2026-11-01: 02:00 EDT → 01:00 EST. Opening 01:30 occurs twice → earlier (EDT) = 05:30Z; 05:00 EST = 10:00Z.
    [InlineData("America/New_York", 2026, 11, 1, 1, 30, 5, 0, "2026-11-01T05:30:00Z", "2026-11-01T10:00:00Z")]
    // Berlin, Sun 2026-10-25: 03:00 CEST → 02:00 CET. Opening 02:30 occurs twice → earlier (CEST) = 00:30Z; 05:00 CET = 04:00Z.
    [InlineData("Europe/Berlin", 2026, 10, 25, 2, 30, 5, 0, "2026-10-25T00:30:00Z", "2026-10-25T04:00:00Z")]
    public void IntervalOn_OpeningInGapOrOverlap_ResolvesAsDocumented(
        string zone, int year, int month, int day, int openH, int openM, int closeH, int closeM, string open, string close)
    {
        var interval = SundayHours(zone, openH, openM, closeH, closeM).IntervalOn(new DateOnly(year, month, day));

        Assert.NotNull(interval);
        Assert.Equal(Utc.At(open), interval.Value.Open);
        Assert.Equal(Utc.At(close), interval.Value.Close);
    }

    [Fact]
    public void IntervalOn_HoursWhollyInsideGap_NoBusinessTime()
    {
        var calendar = SundayHours("America/New_York", 2, 10, 2, 50);

        Assert.Null(calendar.IntervalOn(new DateOnly(2026, 3, 8)));
        Assert.NotNull(calendar.IntervalOn(new DateOnly(2026, 3, 15)));
    }

    [Fact]
    public void BusinessTimeBetween_DayWithOverlap_CountsTheRealLength()
    {
        // Sun 2026-11-01 01:30 EDT → 05:00 EST is 4.5 hours of real time although the wall clock moves 3.5 hours.
        var calendar = SundayHours("America/New_York", 1, 30, 5, 0);

        Assert.Equal(TimeSpan.FromHours(4.5), calendar.BusinessTimeBetween(Utc.At("2026-11-01T00:00:00Z"), Utc.At("2026-11-01T12:00:00Z")));
    }

    [Fact]
    public void AddBusinessTime_StartingBeforeGapOpening_StartsAtEndOfGap()
    {
        // Opening 02:30 on 2026-03-08 resolves to 03:00 EDT (07:00Z); one business hour later is 08:00Z.
        var calendar = SundayHours("America/New_York", 2, 30, 5, 0);

        Assert.Equal(Utc.At("2026-03-08T08:00:00Z"), calendar.AddBusinessTime(Utc.At("2026-03-08T05:00:00Z"), TimeSpan.FromHours(1)));
    }
}
