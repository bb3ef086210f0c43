using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace Alignment.Salesforce.Http;

/// <summary>
/// What the resilience handler retries with back-off: the standard transient failures (5xx, 408, 429, network), and a
/// 403 <c>REQUEST_LIMIT_EXCEEDED</c> that is the concurrent long-running request limit (it clears within seconds).
/// The daily allocation (<c>TotalRequests Limit exceeded</c>, or <c>Sforce-Limit-Info</c> used ≥ limit) is not retried:
/// it stops the run.
/// </summary>
internal static class SalesforceRetryPredicate
{
    public static async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args)
    {
        var token = args.Context.CancellationToken;
        return HttpClientResiliencePredicates.IsTransient(args.Outcome)
            || (args.Outcome.Result is { } response && await IsConcurrentRequestLimitAsync(response, token).ConfigureAwait(false));
    }

    public static async Task<bool> IsConcurrentRequestLimitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.Forbidden || IsDailyAllocationUsed(response))
        {
            return false;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false); // the caller reads it again
        var error = SalesforceErrorReader.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return error?.ErrorCode == SalesforceErrorReader.RequestLimitExceeded
            && error.Message?.Contains("TotalRequests", StringComparison.OrdinalIgnoreCase) != true;
    }

    private static bool IsDailyAllocationUsed(HttpResponseMessage response) =>
        response.Headers.TryGetValues(SalesforceApiUsageTracker.HeaderName, out var values)
        && values.Any(v => SalesforceApiUsageTracker.TryParse(v, out var used, out var limit) && used >= limit);
}
