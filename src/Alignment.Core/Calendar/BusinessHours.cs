namespace Alignment.Core.Calendar;

/// <summary>
/// The opening hours of one weekday, in local wall-clock time of the calendar's zone. <see cref="Open"/> is before
/// <see cref="Close"/> on the same local date (hours never span midnight).
/// </summary>
public readonly record struct BusinessHours
{
    public BusinessHours(TimeOnly open, TimeOnly close)
    {
        if (open >= close)
        {
            throw new ArgumentException($"Opening time {open:HH:mm} must be before closing time {close:HH:mm}.", nameof(open));
        }

        Open = open;
        Close = close;
    }

    /// <summary>Local opening time (inclusive).</summary>
    public TimeOnly Open { get; }

    /// <summary>Local closing time (the business day ends at this instant).</summary>
    public TimeOnly Close { get; }
}
