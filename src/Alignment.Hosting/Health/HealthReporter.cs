using Alignment.Sync.Scoring;
using Microsoft.Extensions.Options;

namespace Alignment.Hosting.Health;

/// <summary>Builds the health report from the composed services (reads nothing remote).</summary>
public sealed class HealthReporter(IOptions<AlignmentOptions> options, AlignmentRules rules, TimeProvider time)
{
    public HealthReport Report() => new("ok", options.Value.Crm.ToString(), rules.ModelVersion, time.GetUtcNow());
}
