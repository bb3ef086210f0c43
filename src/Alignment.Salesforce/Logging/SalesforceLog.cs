using Microsoft.Extensions.Logging;

namespace Alignment.Salesforce.Logging;

/// <summary>The adapter's log messages (no tokens, ids of people or field values).</summary>
internal static partial class SalesforceLog
{
    [LoggerMessage(1, LogLevel.Information, "Salesforce token obtained with the {Flow} flow")]
    public static partial void TokenObtained(ILogger logger, string flow);

    [LoggerMessage(2, LogLevel.Information, "Salesforce session expired (INVALID_SESSION_ID); refreshing the token and replaying the request")]
    public static partial void SessionExpired(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "Salesforce refused {Count} records with transient errors; retry {Attempt} after back-off")]
    public static partial void RetryingRecords(ILogger logger, int count, int attempt);

    [LoggerMessage(4, LogLevel.Warning, "Salesforce refused account {AccountId} with {ErrorCode}")]
    public static partial void RecordFailed(ILogger logger, string accountId, string errorCode);

    [LoggerMessage(5, LogLevel.Debug, "Salesforce webhook rejected with {StatusCode}: {Problem}")]
    public static partial void WebhookRejected(ILogger logger, int statusCode, string problem);

    [LoggerMessage(6, LogLevel.Warning, "Bulk API job {JobId} ended {State}; {Count} accounts were not written and stay for the next run")]
    public static partial void BulkJobIncomplete(ILogger logger, string jobId, string state, int count);
}
