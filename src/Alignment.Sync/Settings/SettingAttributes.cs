using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace Alignment.Sync.Settings;

/// <summary>
/// The message every setting rule gives: the setting's full path (the options class's <c>SectionName</c> constant and
/// the property), the problem and an example — <c>Alignment:Sync:WriteBatchSize must be between 1 and 2000, e.g. 200.</c>
/// The options validation source generator (<c>[OptionsValidator]</c>) checks these attributes at start without
/// reflection over the options; the generator's own <c>RangeAttribute</c> copy drops custom messages, hence these.
/// </summary>
public abstract class SettingRuleAttribute(string example) : ValidationAttribute
{
    /// <summary>A valid value, as a person would write it in the settings.</summary>
    public string Example { get; } = example;

    protected abstract bool IsValidValue(object value);

    protected abstract string Problem { get; }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is null || IsValidValue(value))
        {
            return ValidationResult.Success;
        }

        // No member names on the result: the message names the full setting already, and a result with member names
        // is reported as "Member: message".
        var member = validationContext.MemberName ?? validationContext.DisplayName;
        return new ValidationResult($"{SectionOf(validationContext.ObjectType)}:{member} {Problem}, e.g. {Example}.");
    }

    private static string SectionOf(Type options) =>
        options.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string ?? options.Name;
}

/// <summary>An integer setting between <see cref="Minimum"/> and <see cref="Maximum"/>, both included.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingRangeAttribute(int minimum, int maximum, string example) : SettingRuleAttribute(example)
{
    public int Minimum { get; } = minimum;
    public int Maximum { get; } = maximum;

    /// <summary>Words after the range, e.g. <c>handoffs a week</c>.</summary>
    public string? Unit { get; set; }

    protected override string Problem => string.Create(CultureInfo.InvariantCulture, $"must be between {Minimum} and {Maximum}{(Unit is null ? "" : " " + Unit)}");

    protected override bool IsValidValue(object value) => value is int n && n >= Minimum && n <= Maximum;
}

/// <summary>An integer setting of at least <see cref="Minimum"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingMinimumAttribute(int minimum, string example) : SettingRuleAttribute(example)
{
    public int Minimum { get; } = minimum;

    protected override string Problem => string.Create(CultureInfo.InvariantCulture, $"must be at least {Minimum}");

    protected override bool IsValidValue(object value) => value is int n && n >= Minimum;
}

/// <summary>A duration setting greater than zero and, when <see cref="Maximum"/> is set, at most that.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PositiveDurationAttribute(string example) : SettingRuleAttribute("\"" + example + "\"")
{
    /// <summary>The longest duration allowed (<c>hh:mm:ss</c>); null: no bound.</summary>
    public string? Maximum { get; set; }

    /// <summary>Why there is a bound, in a few words.</summary>
    public string? Reason { get; set; }

    protected override string Problem => Maximum is null
        ? "must be a positive duration"
        : $"must be a positive duration of at most {Maximum}{(Reason is null ? "" : $" ({Reason})")}";

    protected override bool IsValidValue(object value) =>
        value is TimeSpan t && t > TimeSpan.Zero
        && (Maximum is null || t <= TimeSpan.Parse(Maximum, CultureInfo.InvariantCulture));
}

/// <summary>A text setting that must be set (not empty nor blank).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredSettingAttribute(string example) : SettingRuleAttribute("\"" + example + "\"")
{
    public override bool RequiresValidationContext => true;

    protected override string Problem => "is required";

    protected override bool IsValidValue(object value) => value is not string text || !string.IsNullOrWhiteSpace(text);

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        base.IsValid(value ?? "", validationContext);
}
