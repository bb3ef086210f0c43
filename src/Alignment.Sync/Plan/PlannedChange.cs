using Alignment.Sync.Crm;

namespace Alignment.Sync.Plan;

/// <summary>One field the connector would write: old → new, as text (instants ISO-8601 UTC; null means empty).</summary>
public sealed record PlannedChange(AlignmentField Field, string? Old, string? New);
