namespace Alignment.Hosting.Health;

/// <summary>One dependency's health in <see cref="HealthReport"/>.</summary>
/// <param name="Name"><c>storage</c>, <c>model</c> or <c>crm</c>.</param>
/// <param name="Status"><c>ok</c> or <c>unhealthy</c>.</param>
/// <param name="Description">What was checked, or what is wrong and where to look.</param>
public sealed record HealthCheckOutcome(string Name, string Status, string? Description);
