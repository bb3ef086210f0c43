using System.Net;
using System.Net.Http.Headers;
using Alignment.Sync.Alerts;

namespace Alignment.Slack.Api;

/// <summary>Maps Slack answers and transport failures to <see cref="AlertDeliveryException"/>.</summary>
internal static class SlackFailures
{
    /// <summary>Web API <c>error</c> codes worth retrying; every other code is permanent (<c>channel_not_found</c>, <c>invalid_auth</c>, …).</summary>
    private static readonly HashSet<string> TransientErrors = new(StringComparer.Ordinal)
    {
        "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org",
    };

    public static bool IsTransientError(string? error) => error is not null && TransientErrors.Contains(error);

    /// <summary>An HTTP status other than success (webhook error codes are plain text; Web API ones JSON).</summary>
    public static AlertDeliveryException FromStatus(string method, HttpStatusCode status, string? error, RetryConditionHeaderValue? retryAfter, TimeProvider time)
    {
        var code = (int)status;
        if (status == HttpStatusCode.TooManyRequests)
        {
            var wait = RetryAfter(retryAfter, time) ?? TimeSpan.FromSeconds(1);
            return new AlertDeliveryException($"Slack {method} answered 429 (rate limited); retry after {wait.TotalSeconds:0.###} s.", transient: true, mayHaveBeenDelivered: false, wait);
        }

        var transient = code >= 500 || status == HttpStatusCode.RequestTimeout;
        return new AlertDeliveryException(
            $"Slack {method} answered HTTP {code}{(string.IsNullOrEmpty(error) ? "" : " " + error)}.", transient, mayHaveBeenDelivered: false);
    }

    /// <summary>A Web API body <c>{ "ok": false, "error": … }</c> (HTTP 200).</summary>
    public static AlertDeliveryException FromError(string method, string? error) =>
        new($"Slack {method} failed: {error ?? "unknown_error"}.", IsTransientError(error), mayHaveBeenDelivered: false);

    /// <summary>The request timed out: it may have reached Slack.</summary>
    public static AlertDeliveryException Timeout(string method, TimeSpan timeout, Exception inner) =>
        new($"Slack {method} timed out after {timeout.TotalSeconds:0.###} s; the message may have been delivered.", transient: true, mayHaveBeenDelivered: true, innerException: inner);

    /// <summary>A network failure: before the request was sent (connect, DNS, TLS) it was not delivered; after, it may have been.</summary>
    public static AlertDeliveryException Network(string method, HttpRequestException inner)
    {
        var beforeSending = inner.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;
        return new AlertDeliveryException(
            $"Slack {method} failed on the network ({inner.HttpRequestError}).", transient: true, mayHaveBeenDelivered: !beforeSending, innerException: inner);
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider time)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
