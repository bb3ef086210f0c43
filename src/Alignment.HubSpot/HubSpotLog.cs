using Microsoft.Extensions.Logging;

namespace Alignment.HubSpot;

/// <summary>The adapter's log messages (source-generated; no tokens, e-mails or names).</summary>
internal static partial class HubSpotLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "HubSpot throttled a call (policy {Policy}, retry after {RetryAfterMs} ms)")]
    public static partial void RateLimited(ILogger logger, string policy, double retryAfterMs);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "HubSpot search reached {Count} results in one partition; restarting after object id {ObjectId}")]
    public static partial void SearchPartitioned(ILogger logger, int count, string objectId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "HubSpot batch update refused {Failed} of {Total} records")]
    public static partial void PartialWrite(ILogger logger, int failed, int total);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "HubSpot batch update of {Total} records failed as a whole with {Status} {Category}")]
    public static partial void ChunkFailed(ILogger logger, int total, int status, string category);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "HubSpot property {Property} {Outcome}")]
    public static partial void PropertySetup(ILogger logger, string property, string outcome);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Debug, Message = "HubSpot webhook rejected: {Problem}")]
    public static partial void WebhookRejected(ILogger logger, string problem);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "HubSpot {Method} {Route} answered {Status} in {ElapsedMs} ms")]
    public static partial void Call(ILogger logger, string method, string route, int status, double elapsedMs);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "HubSpot {Method} {Route} failed after {ElapsedMs} ms: {Error}")]
    public static partial void CallFailed(ILogger logger, string method, string route, double elapsedMs, string error);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Warning, Message = "HubSpot's events API answered {Status} {Category}: page views are not read until the app restarts. "
        + "The events API needs an Enterprise subscription and the app's analytics scope; set Alignment:HubSpot:Mapping:PageViews to false to stop trying")]
    public static partial void PageViewsUnavailable(ILogger logger, int status, string category);
}
