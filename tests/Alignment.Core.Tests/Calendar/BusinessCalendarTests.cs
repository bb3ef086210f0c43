using Alignment.Core.Calendar;

namespace Alignment.Core.Tests.Calendar;

public sealed class BusinessCalendarTests
{
    private static BusinessCalendar In(string zone, params DateOnly[] holidays)
    {
        var result = BusinessCalendar.Create(zone, WeeklyHours.Default, holidays);
        Assert.True(result.IsSuccess, result.Error);
        return result.Calendar;
    }

    // Default hours Mon–Fri 09:00–17:00. Local times in the comments; instants are hand-computed UTC.
    [Theory]
    [InlineData("America/New_York", "2026-11-16T15:00:00Z", 4, "2026-11-16T19:00:00Z")] // Mon 10:00 EST + 4h = 14:00 EST
    [InlineData("America/New_York", "2026-11-20T21:00:00Z", 4, "2026-11-23T17:00:00Z")] // Fri 16:00 EST: 1h Fri + 3h Mon → Mon 12:00 EST
    [InlineData("America/New_York", "2026-11-20T23:00:00Z", 4, "2026-11-23T18:00:00Z")] // Fri 18:00 EST (closed) → Mon 13:00 EST
    [InlineData("America/New_York", "2026-11-16T22:00:00Z", 8, "2026-11-17T22:00:00Z")] // Mon 17:00 (closing) + 8h → Tue 17:00 EST
    [InlineData("America/New_York", "2026-03-06T21:00:00Z", 4, "2026-03-09T16:00:00Z")] // Fri 16:00 EST, DST starts Sun Mar 8 → Mon 12:00 EDT
    [InlineData("America/New_York", "2026-10-30T20:00:00Z", 4, "2026-11-02T17:00:00Z")] // Fri 16:00 EDT, DST ends Sun Nov 1 → Mon 12:00 EST
    [InlineData("Europe/Berlin", "2026-03-27T15:00:00Z", 4, "2026-03-30T10:00:00Z")]    // Fri 16:00 CET, DST Sun Mar 29 → Mon 12:00 CEST
    [InlineData("Europe/Berlin", "2026-10-23T14:00:00Z", 4, "2026-10-26T11:00:00Z")]    // Fri 16:00 CEST, DST ends Sun Oct 25 → Mon 12:00 CET
    [InlineData("Asia/Kolkata", "2026-11-20T10:30:00Z", 4, "2026-11-23T06:30:00Z")]     // Fri 16:00 IST (+05:30) → Mon 12:00 IST
    [InlineData("America/New_York", "2026-03-06T15:00:00Z", 16, "2026-03-10T14:00:00Z")] // Fri 10:00 EST: 7h Fri + 8h Mon + 1h → Tue 10:00 EDT
    public void AddBusinessTime_AcrossWeekendsAndDst_LandsOnHandComputedInstant(string zone, string start, int hours, string expected)
    {
        var calendar = In(zone);

        var result = calendar.AddBusinessTime(Utc.At(start), TimeSpan.FromHours(hours));

        Assert.Equal(Utc.At(expected), result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
    }

    [Fact]
    public void AddBusinessTime_HolidayInWindow_SkipsTheHoliday()
    {
        // Thanksgiving Thu 2026-11-26 is a holiday. Wed 15:00 EST + 4h: 2h Wed, Thu skipped, 2h Fri → Fri 11:00 EST.
        var calendar = In("America/New_York", new DateOnly(2026, 11, 26));

        Assert.Equal(Utc.At("2026-11-27T16:00:00Z"), calendar.AddBusinessTime(Utc.At("2026-11-25T20:00:00Z"), TimeSpan.FromHours(4)));
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-06T21:00:00Z", "2026-03-09T14:00:00Z", 2)]  // Fri 16:00 EST → Mon 10:00 EDT: 1h + 1h
    [InlineData("America/New_York", "2026-10-30T20:00:00Z", "2026-11-02T15:00:00Z", 2)]  // Fri 16:00 EDT → Mon 10:00 EST
    [InlineData("Europe/Berlin", "2026-03-27T07:00:00Z", "2026-03-30T16:00:00Z", 16)]    // Fri 08:00 CET → Mon 18:00 CEST: 8h + 8h
    [InlineData("America/New_York", "2026-11-16T20:00:00Z", "2026-11-16T15:00:00Z", 0)]  // to before from
    [InlineData("America/New_York", "2026-11-21T15:00:00Z", "2026-11-22T15:00:00Z", 0)]  // Saturday to Sunday
    public void BusinessTimeBetween_HandComputedCases_ReturnsBusinessHours(string zone, string from, string to, int hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), In(zone).BusinessTimeBetween(Utc.At(from), Utc.At(to)));
    }

    [Theory]
    [InlineData("2026-11-16T13:59:00Z", "2026-11-16T14:00:00Z")] // Mon 08:59 EST → 09:00
    [InlineData("2026-11-16T14:00:00Z", "2026-11-16T14:00:00Z")] // at the opening
    [InlineData("2026-11-16T14:30:00Z", "2026-11-17T14:00:00Z")] // open now: the next opening is tomorrow's
    [InlineData("2026-11-20T22:00:00Z", "2026-11-23T14:00:00Z")] // Fri 17:00 → Mon 09:00
    [InlineData("2026-03-07T15:00:00Z", "2026-03-09T13:00:00Z")] // Sat before DST start → Mon 09:00 EDT
    public void NextOpening_NewYork_ReturnsEarliestOpeningAtOrAfter(string instant, string expected)
    {
        Assert.Equal(Utc.At(expected), In("America/New_York").NextOpening(Utc.At(instant)));
    }

    [Theory]
    [InlineData("2026-11-16T15:00:00Z", "2026-11-16T22:00:00Z")] // Mon 10:00 EST → Mon 17:00
    [InlineData("2026-11-16T23:00:00Z", "2026-11-17T22:00:00Z")] // Mon 18:00 → Tue 17:00
    [InlineData("2026-11-21T15:00:00Z", "2026-11-23T22:00:00Z")] // Saturday → Monday
    public void EndOfBusinessDay_NewYork_ReturnsClosingOfCurrentOrNextBusinessDay(string instant, string expected)
    {
        Assert.Equal(Utc.At(expected), In("America/New_York").EndOfBusinessDay(Utc.At(instant)));
    }

    [Theory]
    [InlineData("2026-11-16T14:00:00Z", true, true)]   // opening instant
    [InlineData("2026-11-16T22:00:00Z", false, true)]  // closing instant: within hours, not open
    [InlineData("2026-11-16T13:59:59Z", false, false)]
    [InlineData("2026-11-21T15:00:00Z", false, false)] // Saturday
    public void IsOpen_And_IsWithinHours_TreatOpeningAndClosingAsDocumented(string instant, bool open, bool within)
    {
        var calendar = In("America/New_York");

        Assert.Equal(open, calendar.IsOpen(Utc.At(instant)));
        Assert.Equal(within, calendar.IsWithinHours(Utc.At(instant)));
    }

    [Fact]
    public void Create_UnknownTimeZone_FailsNamingTheId()
    {
        var result = BusinessCalendar.Create("Mars/Olympus_Mons", WeeklyHours.Default);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Calendar);
        Assert.Contains("'Mars/Olympus_Mons'", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    public void Create_EmptyOrMalformedTimeZone_Fails(string? zone)
    {
        Assert.False(BusinessCalendar.Create(zone, WeeklyHours.Default).IsSuccess);
    }

    [Fact]
    public void NthBusinessDayAfter_TenDays_SkipsWeekendsAndHolidays()
    {
        // After Mon Nov 16: 17,18,19,20, 23,24,25,(26 holiday),27, 30, Dec 1 → the 10th is Tue Dec 1 (17:00 EST = 22:00Z).
        var calendar = In("America/New_York", new DateOnly(2026, 11, 26));

        var day = calendar.NthBusinessDayAfter(new DateOnly(2026, 11, 16), 10);

        Assert.Equal(new DateOnly(2026, 12, 1), day.Date);
        Assert.Equal(Utc.At("2026-12-01T22:00:00Z"), day.Close);
    }
}
