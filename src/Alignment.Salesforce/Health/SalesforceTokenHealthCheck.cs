using Alignment.Salesforce.Auth;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Alignment.Salesforce.Health;

/// <summary>
/// Health of the Salesforce connection: an access token can be obtained. The token cache answers from its current token
/// while it is fresh, so a probe calls Salesforce only when a token is due anyway; a failure is remembered for
/// <see cref="FailureCacheDuration"/> so that probes during an outage do not hammer the token endpoint. Singleton.
/// </summary>
internal sealed class SalesforceTokenHealthCheck(SalesforceTokenCache tokens, TimeProvider time) : IHealthCheck
{
    public const string Name = "crm";

    /// <summary>How long a failed token request is reported without asking again.</summary>
    public static readonly TimeSpan FailureCacheDuration = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private (DateTimeOffset Until, string Description)? _lastFailure;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_lastFailure is { } failure && time.GetUtcNow() < failure.Until)
            {
                return HealthCheckResult.Unhealthy(failure.Description);
            }
        }

        try
        {
            await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _lastFailure = null;
            }

            return HealthCheckResult.Healthy("A Salesforce access token is held.");
        }
        catch (Exception e) when (e is CrmException or HttpRequestException or InvalidOperationException or TimeoutException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var code = e is CrmException crm ? $" {crm.ErrorCode}" : "";
            var description = $"No Salesforce access token can be obtained ({e.GetType().Name}{code}); check Alignment:Salesforce (login URL, client id, key or secret, user). Asked again after {FailureCacheDuration.TotalSeconds:0} s.";
            lock (_gate)
            {
                _lastFailure = (time.GetUtcNow() + FailureCacheDuration, description);
            }

            return HealthCheckResult.Unhealthy(description);
        }
    }
}
