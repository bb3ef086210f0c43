using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Alignment.Salesforce.Soql;

/// <summary>
/// The only way values enter SOQL: ids are validated (15/18 alphanumerics), strings escaped, instants formatted as
/// unquoted UTC literals, API names checked against a strict pattern.
/// </summary>
public static partial class SoqlLiteral
{
    /// <summary>True for a 15- or 18-character alphanumeric Salesforce id.</summary>
    public static bool IsSalesforceId(string? value) => value is not null && IdRegex().IsMatch(value);

    /// <summary>True for an API name such as <c>Name</c>, <c>Alignment_Score__c</c> or <c>Owner.Email</c>.</summary>
    public static bool IsFieldName(string? value) => value is not null && FieldRegex().IsMatch(value);

    /// <summary>A quoted id literal; throws <see cref="ArgumentException"/> for anything but a valid id.</summary>
    public static string Id(string value) =>
        IsSalesforceId(value) ? "'" + value + "'" : throw new ArgumentException("Not a 15 or 18 character Salesforce id.", nameof(value));

    /// <summary>A quoted, escaped string literal (backslash escapes per the SOQL reference).</summary>
    public static string String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => sb.Append("\\\\"),
                '\'' => sb.Append("\\'"),
                '"' => sb.Append("\\\""),
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\t' => sb.Append("\\t"),
                '\b' => sb.Append("\\b"),
                '\f' => sb.Append("\\f"),
                _ when char.IsControl(c) => sb,
                _ => sb.Append(c),
            };
        }

        return sb.Append('\'').ToString();
    }

    /// <summary>An unquoted UTC dateTime literal, e.g. <c>2026-11-20T15:00:00Z</c>.</summary>
    public static string DateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A field API name; throws for anything else.</summary>
    public static string Field(string value) =>
        IsFieldName(value) ? value : throw new ArgumentException("Not a field API name.", nameof(value));

    /// <summary><c>('a','b')</c> of validated ids.</summary>
    public static string IdList(IEnumerable<string> ids) => "(" + string.Join(",", ids.Select(Id)) + ")";

    [GeneratedRegex("^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$")]
    private static partial Regex IdRegex();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,79}(\\.[A-Za-z][A-Za-z0-9_]{0,79}){0,4}$")]
    private static partial Regex FieldRegex();
}
