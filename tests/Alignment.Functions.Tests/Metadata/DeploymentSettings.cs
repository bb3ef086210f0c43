using System.Text.Json;
using System.Text.RegularExpressions;
using Alignment.TestKit.Paths;

namespace Alignment.Functions.Tests.Metadata;

/// <summary>
/// The timer schedule settings as each place that must carry them spells them, keyed by the configuration key
/// (<c>Alignment:Schedules:Score</c>) with the value or default found there.
/// </summary>
public static partial class DeploymentSettings
{
    /// <summary>The Function App settings <c>Alignment__Schedules__*</c> in <c>infra/main.bicep</c>, with their parameter's default.</summary>
    public static IReadOnlyDictionary<string, string?> Bicep()
    {
        var text = File.ReadAllText(RepoPaths.InRepo("infra", "main.bicep"));
        var defaults = BicepStringParameter().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
        return BicepScheduleSetting().Matches(text).ToDictionary(
            m => m.Groups["setting"].Value.Replace("__", ":", StringComparison.Ordinal),
            m => defaults.GetValueOrDefault(m.Groups["parameter"].Value),
            StringComparer.Ordinal);
    }

    /// <summary>The <c>Values</c> of <c>local.settings.sample.json</c> named <c>Alignment__Schedules__*</c>.</summary>
    public static IReadOnlyDictionary<string, string?> LocalSettingsSample()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.InRepo("local.settings.sample.json")));
        return document.RootElement.GetProperty("Values").EnumerateObject()
            .Where(p => p.Name.StartsWith("Alignment__Schedules__", StringComparison.Ordinal))
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => p.Value.GetString(), StringComparer.Ordinal);
    }

    /// <summary>The rows of the timers table of <c>docs/configuration.md</c>, with their default column.</summary>
    public static IReadOnlyDictionary<string, string?> ConfigurationDoc()
    {
        var text = File.ReadAllText(RepoPaths.InRepo("docs", "configuration.md"));
        return DocScheduleRow().Matches(text).ToDictionary(m => m.Groups["key"].Value, m => (string?)m.Groups["default"].Value, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\s*(?<setting>Alignment__Schedules__\w+):\s*(?<parameter>\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex BicepScheduleSetting();

    [GeneratedRegex(@"^param\s+(?<name>\w+)\s+string\s*=\s*'(?<value>[^']*)'", RegexOptions.Multiline)]
    private static partial Regex BicepStringParameter();

    [GeneratedRegex(@"^\|\s*`(?<key>Alignment:Schedules:\w+)`\s*\|\s*`(?<default>[^`]*)`", RegexOptions.Multiline)]
    private static partial Regex DocScheduleRow();
}
