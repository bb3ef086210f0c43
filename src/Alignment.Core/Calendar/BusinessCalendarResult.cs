using System.Diagnostics.CodeAnalysis;

namespace Alignment.Core.Calendar;

/// <summary>A business calendar, or why none could be built (e.g. an unknown time zone id).</summary>
public sealed record BusinessCalendarResult
{
    private BusinessCalendarResult(BusinessCalendar? calendar, string? error)
    {
        Calendar = calendar;
        Error = error;
    }

    public BusinessCalendar? Calendar { get; }

    /// <summary>What is wrong, naming the offending value; null on success.</summary>
    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Calendar))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Calendar is not null;

    public static BusinessCalendarResult Success(BusinessCalendar calendar) =>
        new(calendar ?? throw new ArgumentNullException(nameof(calendar)), null);

    public static BusinessCalendarResult Failure(string error) =>
        new(null, string.IsNullOrWhiteSpace(error) ? throw new ArgumentException("An error message is required.", nameof(error)) : error);
}
