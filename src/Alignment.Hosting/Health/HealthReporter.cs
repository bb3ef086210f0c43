using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Alignment.Hosting.Health;

/// <summary>
/// Builds the <see cref="HealthReport"/> that every host's health route answers (<c>alignment serve</c>'s
/// <c>/api/health</c> and the Functions app's Health function): runs the registered health checks (storage reachable,
/// model loaded, CRM token obtainable, each bounded by a timeout and the CRM one cached) and answers 503 naming what is
/// wrong when one fails.
/// </summary>
public sealed class HealthReporter(IOptions<AlignmentOptions> options, HealthCheckService checks, TimeProvider time)
{
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        var outcomes = report.Entries
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new HealthCheckOutcome(e.Key, e.Value.Status == HealthStatus.Healthy ? "ok" : "unhealthy", e.Value.Description))
            .ToList();
        var version = report.Entries.TryGetValue(ModelHealthCheck.Name, out var model) && model.Data.TryGetValue("version", out var v) ? v as string : null;
        var status = report.Status == HealthStatus.Healthy ? "ok" : "unhealthy";
        return new HealthReport(status, options.Value.Crm.ToString(), version, time.GetUtcNow(), outcomes);
    }
}
