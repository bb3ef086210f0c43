namespace Alignment.Hosting.Configuration;

/// <summary>One missing or malformed setting.</summary>
/// <param name="Setting">The configuration key with ':' (<c>Alignment:Crm</c>); the app setting spells it with '__'.</param>
/// <param name="Problem">What is wrong, never the value of a secret.</param>
/// <param name="Example">A valid value to copy, e.g. <c>Salesforce</c>; null when the message already shows one.</param>
public sealed record ConfigurationProblem(string Setting, string Problem, string? Example = null)
{
    /// <summary>The same key as an environment variable or Azure app setting (<c>Alignment__Crm</c>).</summary>
    public string AppSetting => Setting.Replace(":", "__", StringComparison.Ordinal);

    public override string ToString() =>
        Example is null
            ? $"{Setting} (app setting {AppSetting}): {Problem}"
            : $"{Setting} (app setting {AppSetting}): {Problem} Example: {AppSetting}={Example}";
}
