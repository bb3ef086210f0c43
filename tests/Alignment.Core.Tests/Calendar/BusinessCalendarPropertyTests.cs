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
}
