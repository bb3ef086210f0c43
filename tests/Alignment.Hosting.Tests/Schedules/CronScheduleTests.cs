using Alignment.Hosting.Schedules;
using FsCheck;
using FsCheck.Fluent;

namespace Alignment.Hosting.Tests.Schedules;

public sealed class CronScheduleTests
{
    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("0 */15 * * * *", "2026-11-20T10:07:31Z", "2026-11-20T10:15:00Z")]
    [InlineData("0 */15 * * * *", "2026-11-20T10:15:00Z", "2026-11-20T10:30:00Z")]
    [InlineData("0 */15 * * * *", "2026-11-20T23:59:59Z", "2026-11-21T00:00:00Z")]
    [InlineData("0 30 2 * * *", "2026-11-20T02:30:00Z", "2026-11-21T02:30:00Z")]
    [InlineData("30 * * * * *", "2026-11-20T10:00:30Z", "2026-11-20T10:01:30Z")]
    [InlineData("0 0 9 * * MON-FRI", "2026-11-20T09:00:00Z", "2026-11-23T09:00:00Z")]
    [InlineData("0 0 9 * * 1-5", "2026-11-21T08:00:00Z", "2026-11-23T09:00:00Z")]
    [InlineData("0 0 0 29 FEB *", "2026-03-01T00:00:00Z", "2028-02-29T00:00:00Z")]
    [InlineData("0 0 12 * * 7", "2026-11-20T00:00:00Z", "2026-11-22T12:00:00Z")]
    [InlineData("5,10 0 0 1 1 *", "2026-01-01T00:00:05Z", "2026-01-01T00:00:10Z")]
    [InlineData("0 0-10/5 * * * *", "2026-11-20T10:10:00Z", "2026-11-20T11:00:00Z")]
    public void GetNextOccurrence_Expression_ReturnsFirstMatchStrictlyAfter(string expression, string after, string expected)
    {
        var schedule = CronSchedule.Parse(expression);

        Assert.Equal(At(expected), schedule.GetNextOccurrence(At(after)));
    }

    [Fact]
    public void GetNextOccurrence_ImpossibleDate_ReturnsNull()
    {
        var schedule = CronSchedule.Parse("0 0 0 31 FEB *");

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
    [InlineData("0 */0 * * * *")]
    [InlineData("0 5-1 * * * *")]
    [InlineData("0 a * * * *")]
    [InlineData("0 1/2/3 * * * *")]
    public void TryParse_Malformed_ReturnsNullWithProblem(string expression)
    {
        var schedule = CronSchedule.TryParse(expression, out var problem);

        Assert.Null(schedule);
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void GetNextOccurrence_AnyInstant_IsTheFirstMatchingSecondAfterIt()
    {
        string[] expressions = ["0 */15 * * * *", "*/20 */7 * * * *", "0 30 2 * * *", "15 0 9-17 * * MON-FRI", "0 0 0 1 * *", "30 * * * * *"];
        var start = At("2026-01-01T00:00:00Z");
        var cases = Gen.Elements(expressions).SelectMany(
            e => Gen.Choose(0, 60 * 24 * 365 * 2).Select(minutes => (Expression: e, After: start.AddMinutes(minutes).AddSeconds(minutes % 61))));

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var schedule = CronSchedule.Parse(c.Expression);
            var next = schedule.GetNextOccurrence(c.After);
            if (next is not { } found || found <= c.After || !schedule.Matches(found))
            {
                return false;
            }

            // No matching second in between (checked directly when the gap is short enough to scan).
            if (found - c.After > TimeSpan.FromDays(3))
            {
                return true;
            }

            for (var t = c.After.AddSeconds(1); t < found; t = t.AddSeconds(1))
            {
                if (schedule.Matches(t))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }
}
