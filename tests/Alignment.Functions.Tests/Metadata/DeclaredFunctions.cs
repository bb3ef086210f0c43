using Alignment.Hosting.Schedules;

namespace Alignment.Functions.Tests.Metadata;

/// <summary>
/// The one declared list of the app's functions. The generated <c>functions.metadata</c>, <c>docs/functions.md</c>, the
/// Bicep app settings, <c>local.settings.sample.json</c> and <c>docs/configuration.md</c> are each compared with it.
/// </summary>
public static class DeclaredFunctions
{
    public static IReadOnlyList<FunctionContract> All { get; } =
    [
        FunctionContract.Http("HubSpotWebhook", "POST", "/api/webhooks/hubspot", "Function"),
        FunctionContract.Http("SalesforceWebhook", "POST", "/api/webhooks/salesforce", "Function"),
        FunctionContract.Http("Health", "GET", "/api/health", "Anonymous"),
        FunctionContract.Timer("ScoreAccounts", ScheduleOptions.ScoreKey, "exponentialBackoff(3, 00:00:30, 00:05:00)"),
        FunctionContract.Timer("FullRescore", ScheduleOptions.FullRescoreKey, "exponentialBackoff(3, 00:01:00, 00:15:00)"),
        FunctionContract.Timer("SweepSla", ScheduleOptions.SweepSlaKey, "fixedDelay(2, 00:00:30)"),
        FunctionContract.Timer("DrainInbox", ScheduleOptions.DrainInboxKey, null),
        FunctionContract.Timer("WeeklyDigest", ScheduleOptions.WeeklyDigestKey, "exponentialBackoff(3, 00:01:00, 00:15:00)"),
        FunctionContract.Timer("Calibrate", ScheduleOptions.CalibrateKey, "exponentialBackoff(3, 00:01:00, 00:15:00)"),
        FunctionContract.Queue("ScorePartition", Alignment.Sync.Partitions.IPartitionQueue.QueueName),
    ];

    /// <summary>The schedule settings the timers read, e.g. <c>Alignment:Schedules:Score</c>.</summary>
    public static IReadOnlyList<string> ScheduleSettings { get; } =
        [.. All.Select(f => f.ScheduleSetting).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>Sorted by name, for comparisons whose failure shows the whole list.</summary>
    public static IReadOnlyList<FunctionContract> Sorted(IEnumerable<FunctionContract> functions) =>
        [.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)];
}
