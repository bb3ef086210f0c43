namespace Alignment.Functions.Tests.Host;

/// <summary>
/// A function as the worker must report it to the host: the trigger binding (type, and route/method/level or schedule)
/// and the retry policy the host applies.
/// </summary>
internal sealed record ExpectedFunction(string Name, string TriggerType, string Detail, string? Retry)
{
    public static IReadOnlyList<ExpectedFunction> All { get; } =
    [
        new("Calibrate", "timerTrigger", "%Alignment:Schedules:Calibrate%", "ExponentialBackoff x3"),
        new("DrainInbox", "timerTrigger", "%Alignment:Schedules:DrainInbox%", null),
        new("FullRescore", "timerTrigger", "%Alignment:Schedules:FullRescore%", "ExponentialBackoff x3"),
        new("Health", "httpTrigger", "GET health (Anonymous)", null),
        new("HubSpotWebhook", "httpTrigger", "POST webhooks/hubspot (Function)", null),
        new("SalesforceWebhook", "httpTrigger", "POST webhooks/salesforce (Function)", null),
        new("ScoreAccounts", "timerTrigger", "%Alignment:Schedules:Score%", "ExponentialBackoff x3"),
        new("ScorePartition", "queueTrigger", "alignment-partitions via AzureWebJobsStorage", null),
        new("SweepSla", "timerTrigger", "%Alignment:Schedules:SweepSla%", "FixedDelay x2"),
        new("WeeklyDigest", "timerTrigger", "%Alignment:Schedules:WeeklyDigest%", "ExponentialBackoff x3"),
    ];
}
