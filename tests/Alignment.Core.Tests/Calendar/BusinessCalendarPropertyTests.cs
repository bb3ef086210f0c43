using Alignment.Core.Calendar;
using FsCheck;
using FsCheck.Fluent;

namespace Alignment.Core.Tests.Calendar;

public sealed class BusinessCalendarPropertyTests
{
    private static readonly string[] Zones =
        ["America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago", "UTC"];

    private static readonly DateTimeOffset Start2026 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AddBusinessTime_ThenBusinessTimeBetween_RoundTripsAndStaysWithinHours()
    {
        var cases =
            from zone in Gen.Elements(Zones)
            from minute in Gen.Choose(0, 365 * 24 * 60)
            from businessMinutes in Gen.Choose(1, 60 * 60)
            select (zone, start: Start2026.AddMinutes(minute), duration: TimeSpan.FromMinutes(businessMinutes));

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var calendar = BusinessCalendar.Create(c.zone, WeeklyHours.Default, [new DateOnly(2026, 12, 25)]).Calendar!;
            var end = calendar.AddBusinessTime(c.start, c.duration);
            return end > c.start
                && calendar.IsWithinHours(end)
                && calendar.BusinessTimeBetween(c.start, end) == c.duration;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void InstantOf_MemoisedFastPath_AgreesWithTheZoneRules()
    {
        var cases =
            from zone in Gen.Elements(Zones)
            from day in Gen.Choose(0, 364)
            from minuteOfDay in Gen.Choose(0, (24 * 60) - 1)
            select (zone, date: new DateOnly(2026, 1, 1).AddDays(day), time: TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minuteOfDay)));
        var calendars = Zones.ToDictionary(z => z, z => BusinessCalendar.Create(z, WeeklyHours.Default).Calendar!);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var calendar = calendars[c.zone];
            var instant = calendar.InstantOf(c.date, c.time);
            var local = calendar.LocalTimeOf(instant);
            return instant == LocalTimeResolver.ToInstant(calendar.Zone, c.date.ToDateTime(c.time))
                && instant == TimeZoneInfo.ConvertTime(instant, calendar.Zone).ToUniversalTime()
                && local == TimeZoneInfo.ConvertTime(instant, calendar.Zone).DateTime;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("America/New_York", 2026, 3, 8)]
    [InlineData("America/New_York", 2026, 11, 1)]
    [InlineData("Europe/Berlin", 2026, 3, 29)]
    [InlineData("Europe/Berlin", 2026, 10, 25)]
    [InlineData("Australia/Lord_Howe", 2026, 4, 5)]
    [InlineData("Australia/Lord_Howe", 2026, 10, 4)]
    public void InstantOf_EveryMinuteOfASwitchDay_AgreesWithTheZoneRules(string zone, int year, int month, int day)
    {
        var calendar = BusinessCalendar.Create(zone, WeeklyHours.Default).Calendar!;
        var date = new DateOnly(year, month, day);
        for (var minute = 0; minute < 24 * 60; minute++)
        {
            var time = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute));
            Assert.Equal(LocalTimeResolver.ToInstant(calendar.Zone, date.ToDateTime(time)), calendar.InstantOf(date, time));
        }
    }
}
