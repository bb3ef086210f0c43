using NCrontab;

namespace Alignment.Hosting.Schedules;

/// <summary>
/// Timer schedules read exactly as the Azure Functions host reads them: six-field NCRONTAB expressions
/// (<c>second minute hour day month day-of-week</c>) parsed by NCrontab, the library the host itself uses, and evaluated
/// in UTC (the host's default time zone). <c>alignment serve</c> and the start-up validation go through here so that a
/// schedule fires at the same instants locally as in Azure, and an expression Azure would refuse is refused here too.
/// </summary>
public static class TimerSchedule
{
    // Searching further than this finds nothing new: every field combination recurs within 28 years (leap-day Sundays).
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(366 * 29);

    private static readonly CrontabSchedule.ParseOptions SixFields = new() { IncludingSeconds = true };

    /// <summary>Parses the expression, or returns null with <paramref name="problem"/> saying what NCrontab refused.</summary>
    public static CrontabSchedule? TryParse(string? expression, out string? problem)
    {
        string? error = null;
        var schedule = CrontabSchedule.TryParse<CrontabSchedule?>(expression?.Trim() ?? "", SixFields, s => s, e =>
        {
            error = e().Message.TrimEnd('.');
            return null;
        });
        problem = error;
        return schedule;
    }

    /// <summary>Parses the expression or throws <see cref="FormatException"/> naming it and the problem.</summary>
    public static CrontabSchedule Parse(string expression) =>
        TryParse(expression, out var problem) ?? throw new FormatException($"'{expression}' is not a six-field NCRONTAB expression: {problem}.");

    /// <summary>The first occurrence strictly after <paramref name="after"/> (UTC, whole seconds), or null if there is none.</summary>
    public static DateTimeOffset? GetNextOccurrence(this CrontabSchedule schedule, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var start = after.UtcDateTime;
        var end = start + Horizon;
        var next = schedule.GetNextOccurrence(start, end);
        return next >= end ? null : new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
    }
}
