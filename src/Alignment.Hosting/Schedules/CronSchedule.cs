using System.Globalization;

namespace Alignment.Hosting.Schedules;

/// <summary>
/// A six-field NCRONTAB expression as Azure Functions timer triggers read it: <c>second minute hour day month
/// day-of-week</c>, evaluated in UTC. Each field takes <c>*</c>, numbers, ranges <c>a-b</c>, lists <c>a,b</c> and steps
/// <c>*/n</c> or <c>a-b/n</c>; months also take <c>JAN</c>–<c>DEC</c> and days of week <c>SUN</c>–<c>SAT</c> (0 or 7 =
/// Sunday). When both day and day-of-week are restricted an instant must match both.
/// </summary>
public sealed class CronSchedule
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    // Searching further than this finds nothing new: every field combination recurs within 28 years (leap-day Sundays).
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(366 * 29);

    private readonly bool[] _seconds;
    private readonly bool[] _minutes;
    private readonly bool[] _hours;
    private readonly bool[] _days;
    private readonly bool[] _months;
    private readonly bool[] _daysOfWeek;

    private CronSchedule(string expression, bool[][] fields)
    {
        Expression = expression;
        (_seconds, _minutes, _hours, _days, _months, _daysOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
    }

    /// <summary>The expression as given.</summary>
    public string Expression { get; }

    /// <summary>Parses the expression, or returns null with <paramref name="problem"/> naming the bad field.</summary>
    public static CronSchedule? TryParse(string? expression, out string? problem)
    {
        problem = null;
        var parts = (expression ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 6)
        {
            problem = $"expected six fields (second minute hour day month day-of-week), found {parts.Length}";
            return null;
        }

        (string Name, int Min, int Max, string[]? Names, int NameBase)[] specs =
        [
            ("second", 0, 59, null, 0),
            ("minute", 0, 59, null, 0),
            ("hour", 0, 23, null, 0),
            ("day", 1, 31, null, 0),
            ("month", 1, 12, MonthNames, 1),
            ("day-of-week", 0, 7, DayNames, 0),
        ];

        var fields = new bool[6][];
        for (var i = 0; i < 6; i++)
        {
            var (name, min, max, names, nameBase) = specs[i];
            var field = ParseField(parts[i], min, max, names, nameBase);
            if (field is null)
            {
                problem = $"the {name} field '{parts[i]}' is not valid (allowed {min}-{max}, '*', lists, ranges and '/' steps)";
                return null;
            }

            fields[i] = field;
        }

        // Day-of-week 7 is Sunday as well.
        if (fields[5][7])
        {
            fields[5][0] = true;
        }

        return new CronSchedule(expression!.Trim(), fields);
    }

    /// <summary>Parses the expression or throws <see cref="FormatException"/>.</summary>
    public static CronSchedule Parse(string expression) =>
        TryParse(expression, out var problem) ?? throw new FormatException($"'{expression}' is not a six-field NCRONTAB expression: {problem}.");

    /// <summary>The first matching instant strictly after <paramref name="after"/> (UTC, whole seconds), or null if none.</summary>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after)
    {
        var utc = after.ToUniversalTime();
        var start = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, TimeSpan.Zero).AddSeconds(1);
        var end = start + Horizon;
        var firstDay = true;
        for (var day = start.Date; day <= end.Date; day = day.AddDays(1), firstDay = false)
        {
            if (!_months[day.Month] || !_days[day.Day] || !_daysOfWeek[(int)day.DayOfWeek])
            {
                continue;
            }

            var fromSecondOfDay = firstDay ? (int)start.TimeOfDay.TotalSeconds : 0;
            var time = FirstTimeAtOrAfter(fromSecondOfDay);
            if (time is { } secondOfDay)
            {
                return new DateTimeOffset(day, TimeSpan.Zero).AddSeconds(secondOfDay);
            }
        }

        return null;
    }

    /// <summary>True when the instant (UTC, whole second) matches every field.</summary>
    public bool Matches(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return utc.Millisecond == 0 && _seconds[utc.Second] && _minutes[utc.Minute] && _hours[utc.Hour] && _days[utc.Day]
            && _months[utc.Month] && _daysOfWeek[(int)utc.DayOfWeek];
    }

    public override string ToString() => Expression;

    private int? FirstTimeAtOrAfter(int secondOfDay)
    {
        var (h0, m0, s0) = (secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60);
        for (var h = h0; h < 24; h++)
        {
            if (!_hours[h])
            {
                continue;
            }

            for (var m = h == h0 ? m0 : 0; m < 60; m++)
            {
                if (!_minutes[m])
                {
                    continue;
                }

                for (var s = h == h0 && m == m0 ? s0 : 0; s < 60; s++)
                {
                    if (_seconds[s])
                    {
                        return (h * 3600) + (m * 60) + s;
                    }
                }
            }
        }

        return null;
    }

    private static bool[]? ParseField(string text, int min, int max, string[]? names, int nameBase)
    {
        var set = new bool[max + 1];
        foreach (var item in text.Split(','))
        {
            var stepParts = item.Split('/');
            if (stepParts.Length > 2)
            {
                return null;
            }

            var step = 1;
            if (stepParts.Length == 2 && (!int.TryParse(stepParts[1], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
            {
                return null;
            }

            int low, high;
            if (stepParts[0] == "*")
            {
                (low, high) = (min, max);
            }
            else
            {
                var range = stepParts[0].Split('-');
                if (range.Length > 2 || Value(range[0], names, nameBase) is not { } a)
                {
                    return null;
                }

                low = a;
                if (range.Length == 2)
                {
                    if (Value(range[1], names, nameBase) is not { } b)
                    {
                        return null;
                    }

                    high = b;
                }
                else
                {
                    high = stepParts.Length == 2 ? max : a;
                }
            }

            if (low < min || high > max || low > high)
            {
                return null;
            }

            for (var v = low; v <= high; v += step)
            {
                set[v] = true;
            }
        }

        return set;
    }

    private static int? Value(string token, string[]? names, int nameBase)
    {
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var index = names is null ? -1 : Array.FindIndex(names, n => string.Equals(n, token, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index + nameBase;
    }
}
