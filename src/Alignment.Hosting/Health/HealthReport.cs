namespace Alignment.Hosting.Health;

/// <summary>What <c>/api/health</c> answers: nothing secret, nothing personal.</summary>
/// <param name="Status"><c>ok</c>.</param>
/// <param name="Crm">The configured master CRM.</param>
/// <param name="ModelVersion">The <c>version</c> of the scoring model in use.</param>
/// <param name="Time">The host's clock (UTC).</param>
public sealed record HealthReport(string Status, string Crm, string ModelVersion, DateTimeOffset Time);
