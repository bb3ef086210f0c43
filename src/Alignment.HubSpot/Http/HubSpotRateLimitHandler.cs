using System.Net;
using System.Text.Json;
using Alignment.HubSpot.Wire;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Logging;

namespace Alignment.HubSpot.Http;

/// <summary>
/// Innermost handler (inside the retry): every attempt waits its turn at the <see cref="HubSpotRateGate"/>, is
/// counted, and its rate-limit headers are read. A 429 with policy <c>DAILY</c> stops the run with
/// <see cref="CrmBudgetExhaustedException"/> (the retry never sees it); a ten-secondly 429 goes back to the retry,
/// which honours <c>Retry-After</c>.
/// </summary>
internal sealed class HubSpotRateLimitHandler(HubSpotRateGate gate, ILogger<HubSpotRateLimitHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var search = request.RequestUri?.AbsolutePath.EndsWith("/search", StringComparison.Ordinal) == true;
        await gate.WaitTurnAsync(search, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        gate.Observe(response, search);
        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var policy = PolicyOf(body);
        var retryAfter = gate.RetryAfter(response);
        HubSpotLog.RateLimited(logger, policy ?? "unknown", retryAfter?.TotalMilliseconds ?? -1);
        if (string.Equals(policy, "DAILY", StringComparison.OrdinalIgnoreCase))
        {
            response.Dispose();
            throw new CrmBudgetExhaustedException(CrmKinds.HubSpotName, "HubSpot's daily API limit is reached (429 DAILY); the run stops until it resets.", gate.Usage);
        }

        return response;
    }

    private static string? PolicyOf(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, HubSpotJsonContext.Default.ErrorBody)?.PolicyName;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
