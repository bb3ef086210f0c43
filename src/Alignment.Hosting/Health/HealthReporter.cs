using Alignment.Sync.Scoring;
using Microsoft.Extensions.Options;

namespace Alignment.Hosting.Health;

/// <summary>Builds the <see cref="HealthReport"/> that every host's health route answers.</summary>
public sealed class HealthReporter(IOptions<AlignmentOptions> options, AlignmentRules rules, TimeProvider time)
{
    /// <summary>The configured CRM, the model version in use and the host's clock; never settings or secrets.</summary>
    public HealthReport Report() =>
        new("ok", options.Value.Crm.ToString(), rules.ModelVersion, time.GetUtcNow());
}
