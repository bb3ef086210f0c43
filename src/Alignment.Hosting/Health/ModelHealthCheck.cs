using Alignment.Sync.Settings;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Alignment.Hosting.Health;

/// <summary>Health of the scoring model: the file named by <c>Alignment:Sync:ModelPath</c> was read and is valid (read once per process).</summary>
public sealed class ModelHealthCheck(AlignmentModelSource source, IOptions<SyncOptions> options) : IHealthCheck
{
    public const string Name = "model";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = options.Value.ModelPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"{SyncOptions.SectionName}:{nameof(SyncOptions.ModelPath)} is not set; no scoring model is loaded."));
        }

        var (fullPath, result) = source.Load(path);
        return Task.FromResult(result.Model is { } model
            ? HealthCheckResult.Healthy($"Scoring model {model.Version} loaded.", new Dictionary<string, object> { ["version"] = model.Version })
            : HealthCheckResult.Unhealthy(AlignmentModelSource.Describe(fullPath, result)));
    }
}
