using Alignment.Hosting.Schedules;
using FsCheck;
using FsCheck.Fluent;

namespace Alignment.Hosting.Tests.Schedules;

/// <summary>
/// Pins how the timers read their expressions (NCrontab with seconds, UTC, as the Functions host does), so an upgrade
/// of the library that changed when a timer fires would fail here.
/// </summary>
public sealed class TimerScheduleTests
{
    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("0 */15 * * * *", "2026-11-20T10:07:31Z", "2026-11-20T10:15:00Z")]
    [InlineData("0 */15 * * * *", "2026-11-20T10:15:00Z", "2026-11-20T10:30:00Z")]
    [InlineData("0 */15 * * * *", "2026-11-20T23:59:59Z", "2026-11-21T00:00:00Z")]
    [InlineData("0 */15 * * * *", "2026-11-20T11:07:31+01:00", "2026-11-20T10:15:00Z")]
    [InlineData("0 30 2 * * *", "2026-11-20T02:30:00Z", "2026-11-21T02:30:00Z")]
    [InlineData("0 30 2 * * *", "2026-11-20T02:29:59.900Z", "2026-11-20T02:30:00Z")]
    [InlineData("30 * * * * *", "2026-11-20T10:00:30Z", "2026-11-20T10:01:30Z")]
    [InlineData("0 0 9 * * MON-FRI", "2026-11-20T09:00:00Z", "2026-11-23T09:00:00Z")]
    [InlineData("0 0 9 * * 1-5", "2026-11-21T08:00:00Z", "2026-11-23T09:00:00Z")]
    [InlineData("0 0 0 29 FEB *", "2026-03-01T00:00:00Z", "2028-02-29T00:00:00Z")]
    [InlineData("0 0 12 * * 0", "2026-11-20T00:00:00Z", "2026-11-22T12:00:00Z")]
    [InlineData("0 0 12 * * SUN", "2026-11-20T00:00:00Z", "2026-11-22T12:00:00Z")]
    [InlineData("5,10 0 0 1 1 *", "2026-01-01T00:00:05Z", "2026-01-01T00:00:10Z")]
    [InlineData("0 0-10/5 * * * *", "2026-11-20T10:10:00Z", "2026-11-20T11:00:00Z")]
    public void GetNextOccurrence_Expression_ReturnsFirstMatchStrictlyAfterInUtc(string expression, string after, string expected)
    {
        var schedule = TimerSchedule.Parse(expression);

        var next = schedule.GetNextOccurrence(At(after));

        Assert.Equal(At(expected), next);
        Assert.Equal(TimeSpan.Zero, next!.Value.Offset);
    }

    [Fact]
    public void GetNextOccurrence_ImpossibleDate_ReturnsNull()
    {
        var schedule = TimerSchedule.Parse("0 0 0 31 FEB *");

        Assert.Null(schedule.GetNextOccurrence(At("2026-01-01T00:00:00Z")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("*/5 * * * *")]
    [InlineData("0 */15 * * * * *")]
    [InlineData("60 * * * * *")]
    [InlineData("0 0 24 * * *")]
    [InlineData("0 0 0 0 * *")]
    [InlineData("0 0 0 * 13 *")]
    [InlineData("0 0 0 * * 8")]
    [InlineData("0 0 0 * * 7")] // The Functions host refuses 7 for Sunday (NCrontab takes 0-6); so do we.
    [InlineData("0 a * * * *")]
    [InlineData("0 1/2/3 * * * *")]
    public void TryParse_Malformed_ReturnsNullWithProblem(string expression)
    {
        var schedule = TimerSchedule.TryParse(expression, out var problem);

        Assert.Null(schedule);
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Theory]
    [InlineData("0 */0 * * * *", "2026-11-20T10:07:31Z", "2026-11-20T10:08:00Z")] // step 0 reads as step 1
    [InlineData("0 5-1 * * * *", "2026-11-20T10:07:31Z", "2026-11-20T11:01:00Z")] // a reversed range reads as 1-5
    public void Parse_ExpressionTheFunctionsHostAccepts_FiresWhenTheHostWould(string expression, string after, string expected)
    {
        var schedule = TimerSchedule.Parse(expression);

        Assert.Equal(At(expected), schedule.GetNextOccurrence(At(after)));
    }

    [Fact]
    public void Parse_Malformed_ThrowsFormatExceptionNamingTheExpression()
    {
        var e = Assert.Throws<FormatException>(() => TimerSchedule.Parse("0 0 24 * * *"));

        Assert.Contains("'0 0 24 * * *'", e.Message, StringComparison.Ordinal);
        Assert.Contains("Hour", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetNextOccurrence_AnyInstantInAnyOffset_IsTheSameUtcInstantStrictlyAfterItOnAWholeSecond()
    {
        string[] expressions = ["0 */15 * * * *", "*/20 */7 * * * *", "0 30 2 * * *", "15 0 9-17 * * MON-FRI", "0 0 0 1 * *", "30 * * * * *"];
        var start = At("2026-01-01T00:00:00Z");
        var cases =
            from e in Gen.Elements(expressions)
            from minutes in Gen.Choose(0, 60 * 24 * 365 * 2)
            from offsetHours in Gen.Choose(-12, 14)
            select (Expression: e, After: start.AddMinutes(minutes).AddSeconds(minutes % 61).AddMilliseconds(minutes % 997), Offset: TimeSpan.FromHours(offsetHours));

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var schedule = TimerSchedule.Parse(c.Expression);
            var next = schedule.GetNextOccurrence(c.After);
            var fromOffset = schedule.GetNextOccurrence(c.After.ToOffset(c.Offset));
            return next is { } found
                && found > c.After
                && found.Offset == TimeSpan.Zero
                && found.Millisecond == 0
                && fromOffset == found
                && schedule.GetNextOccurrence(found.AddSeconds(-1)) == found;
        }).QuickCheckThrowOnFailure();
    }
}
