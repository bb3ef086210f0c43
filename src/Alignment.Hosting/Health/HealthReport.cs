namespace Alignment.Hosting.Health;

/// <summary>What <c>/api/health</c> answers: nothing secret, nothing personal.</summary>
/// <param name="Status"><c>ok</c> when every check passed, <c>unhealthy</c> when one failed (the route then answers 503).</param>
/// <param name="Crm">The configured master CRM.</param>
/// <param name="ModelVersion">The <c>version</c> of the scoring model in use; null when the model is not loaded.</param>
/// <param name="Time">The host's clock (UTC).</param>
/// <param name="Checks">Each dependency checked (<c>storage</c>, <c>model</c>, <c>crm</c>) with what is wrong when it failed.</param>
public sealed record HealthReport(string Status, string Crm, string? ModelVersion, DateTimeOffset Time, IReadOnlyList<HealthCheckOutcome> Checks)
{
    /// <summary>200 when healthy, 503 otherwise.</summary>
    public int StatusCode => Status == "ok" ? 200 : 503;
}
