namespace Alignment.Sandbox.Salesforce.Soql;

/// <summary>Orders emulator values: nulls first, numbers numerically, instants in time, text case-insensitively.</summary>
internal sealed class ValueComparer : IComparer<object?>
{
    public static ValueComparer Instance { get; } = new();

    public int Compare(object? x, object? y)
    {
        if (x is null || y is null)
        {
            return (x is null ? 0 : 1) - (y is null ? 0 : 1);
        }

        return (x, y) switch
        {
            (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
            (DateOnly a, DateOnly b) => a.CompareTo(b),
            (DateOnly a, DateTimeOffset b) => Midnight(a).CompareTo(b),
            (DateTimeOffset a, DateOnly b) => a.CompareTo(Midnight(b)),
            (bool a, bool b) => a.CompareTo(b),
            (decimal a, decimal b) => a.CompareTo(b),
            (string a, string b) => string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
            (DateTimeOffset, _) or (_, DateTimeOffset) => throw new SoqlQueryException("INVALID_FIELD", "A dateTime field is compared with a value of another type."),
            _ => string.Compare(Convert.ToString(x, System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(y, System.Globalization.CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>A date field compares with a date literal (parsed as midnight UTC) as that midnight.</summary>
    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
