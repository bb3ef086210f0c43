namespace Alignment.Sandbox.Salesforce.Soql;

/// <summary>
/// Orders emulator values: nulls first, numbers numerically, instants in time, text case-insensitively, except record
/// ids, which Salesforce compares and sorts case-sensitively (<see cref="Ids"/>; <c>…aQAA</c> and <c>…AQAA</c> are two records).
/// </summary>
internal sealed class ValueComparer : IComparer<object?>
{
    private readonly StringComparison _text;

    private ValueComparer(StringComparison text) => _text = text;

    public static ValueComparer Instance { get; } = new(StringComparison.OrdinalIgnoreCase);

    /// <summary>For id fields (<c>Id</c>, <c>WhatId</c>, <c>Contact.AccountId</c>, a lookup <c>__c</c> holding an id): text compared ordinally.</summary>
    public static ValueComparer Ids { get; } = new(StringComparison.Ordinal);

    /// <summary>Whether a path names an id field, or a custom field (<c>__c</c>) compared with an id.</summary>
    public static bool IsIdPath(string path, object? value)
    {
        var field = path[(path.LastIndexOf('.') + 1)..];
        return field.EndsWith("Id", StringComparison.OrdinalIgnoreCase)
            || (field.EndsWith("__c", StringComparison.OrdinalIgnoreCase) && value is string { Length: 15 or 18 } text && text.All(char.IsAsciiLetterOrDigit));
    }

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
            (string a, string b) => string.Compare(a, b, _text),
            (DateTimeOffset, _) or (_, DateTimeOffset) => throw new SoqlQueryException("INVALID_FIELD", "A dateTime field is compared with a value of another type."),
            _ => string.Compare(Convert.ToString(x, System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(y, System.Globalization.CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>A date field compares with a date literal (parsed as midnight UTC) as that midnight.</summary>
    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
