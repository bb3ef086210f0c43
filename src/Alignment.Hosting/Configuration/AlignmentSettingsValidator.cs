using Alignment.Hosting.Schedules;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Configuration;

namespace Alignment.Hosting.Configuration;

/// <summary>
/// Checks the settings the composition root itself reads: the CRM, state store and alert channel choices and the
/// timer schedules. Each adapter's own settings are checked by its options validators (see
/// <see cref="RegisteredOptionsValidator"/>); both lists are reported together.
/// </summary>
public static class AlignmentSettingsValidator
{
    public static IReadOnlyList<ConfigurationProblem> Validate(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<ConfigurationProblem>();

        var crm = configuration[AlignmentOptions.CrmKey];
        if (string.IsNullOrWhiteSpace(crm))
        {
            problems.Add(new(AlignmentOptions.CrmKey, "is missing; name the master CRM: Salesforce or HubSpot.", nameof(CrmKind.Salesforce)));
        }
        else if (!TryParseChoice<CrmKind>(crm, out _))
        {
            problems.Add(new(AlignmentOptions.CrmKey, "must be Salesforce or HubSpot.", nameof(CrmKind.HubSpot)));
        }

        CheckOptionalChoice<StateChoice>(configuration, AlignmentOptions.StateStoreKey, problems);
        CheckOptionalChoice<AlertChoice>(configuration, AlignmentOptions.AlertChannelKey, problems);

        foreach (var (_, key, fallback) in new ScheduleOptions().All())
        {
            var expression = configuration[key];
            if (expression is not null && TimerSchedule.TryParse(expression, out var problem) is null)
            {
                problems.Add(new(key, $"is not a six-field NCRONTAB expression (second minute hour day month day-of-week, UTC): {problem}.", fallback));
            }
        }

        return problems;
    }

    /// <summary>Reads a choice setting: one of the enum's names, case-insensitive (no numbers, no combinations).</summary>
    public static bool TryParseChoice<T>(string? value, out T choice)
        where T : struct, Enum
    {
        choice = default;
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, value?.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null && Enum.TryParse(name, out choice);
    }

    private static void CheckOptionalChoice<T>(IConfiguration configuration, string key, List<ConfigurationProblem> problems)
        where T : struct, Enum
    {
        var value = configuration[key];
        if (value is not null && !TryParseChoice<T>(value, out _))
        {
            var names = Enum.GetNames<T>();
            problems.Add(new(key, $"must be {string.Join(" or ", names)} (or left out).", names[0]));
        }
    }
}
