using System.Collections.Immutable;

namespace Alignment.Core.Calendar;

/// <summary>
/// Opening hours per weekday (local wall-clock time). At least one weekday is open, so every calendar has business
/// time ahead of any instant.
/// </summary>
public sealed class WeeklyHours
{
    private readonly BusinessHours?[] _byDay = new BusinessHours?[7];

    public WeeklyHours(IEnumerable<KeyValuePair<DayOfWeek, BusinessHours>> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        foreach (var (day, hours) in days)
        {
            if (!Enum.IsDefined(day))
            {
                throw new ArgumentOutOfRangeException(nameof(days), day, "Unknown day of week.");
            }

            if (_byDay[(int)day] is not null)
            {
                throw new ArgumentException($"{day} is given twice.", nameof(days));
            }

            _byDay[(int)day] = hours;
        }

        if (_byDay.All(h => h is null))
        {
            throw new ArgumentException("At least one weekday must have opening hours.", nameof(days));
        }

        Days = [.. Enumerable.Range(0, 7).Where(d => _byDay[d] is not null).Select(d => (DayOfWeek)d)];
    }

    /// <summary>Monday to Friday, 09:00–17:00.</summary>
    public static WeeklyHours Default { get; } = MondayToFriday(new TimeOnly(9, 0), new TimeOnly(17, 0));

    /// <summary>The open weekdays, Sunday first.</summary>
    public ImmutableArray<DayOfWeek> Days { get; }

    /// <summary>The same hours on Monday to Friday, closed at weekends.</summary>
    public static WeeklyHours MondayToFriday(TimeOnly open, TimeOnly close)
    {
        var hours = new BusinessHours(open, close);
        return new WeeklyHours(
            new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .Select(d => KeyValuePair.Create(d, hours)));
    }

    /// <summary>The hours of a weekday, or null when closed.</summary>
    public BusinessHours? For(DayOfWeek day) => _byDay[(int)day];
}
