using Alignment.HubSpot.Http;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Alignment.HubSpot.Health;

/// <summary>
/// Health of the HubSpot connection: the private-app token is accepted. HubSpot hands out no token to fetch, so the
/// check reads the connector's property group once (one GET) and keeps the answer, a success for
/// <see cref="SuccessCacheDuration"/> and a failure for <see cref="FailureCacheDuration"/>: probes never call HubSpot
/// on every request. Singleton.
/// </summary>
internal sealed class HubSpotTokenHealthCheck(HubSpotClient client, TimeProvider time) : IHealthCheck
{
    public const string Name = "crm";

    public static readonly TimeSpan SuccessCacheDuration = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan FailureCacheDuration = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private (DateTimeOffset Until, HealthCheckResult Result)? _cached;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_cached is { } hit && time.GetUtcNow() < hit.Until)
            {
                return hit.Result;
            }
        }

        HealthCheckResult result;
        TimeSpan keep;
        try
        {
            await client.GetGroupAsync("companies", "alignment", cancellationToken).ConfigureAwait(false);
            (result, keep) = (HealthCheckResult.Healthy("HubSpot accepts the access token."), SuccessCacheDuration);
        }
        catch (Exception e) when (e is CrmException or HttpRequestException or TimeoutException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var status = e is CrmException { StatusCode: { } code } ? $" HTTP {code}" : "";
            result = HealthCheckResult.Unhealthy($"HubSpot refused or did not answer ({e.GetType().Name}{status}); check Alignment:HubSpot:AccessToken and its scopes. Asked again after {FailureCacheDuration.TotalSeconds:0} s.");
            keep = FailureCacheDuration;
        }

        lock (_gate)
        {
            _cached = (time.GetUtcNow() + keep, result);
        }

        return result;
    }
}
