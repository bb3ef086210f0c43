using Alignment.Sync.Crm;

namespace Alignment.Sync.History;

/// <summary>One field written: its value before and after, as text (instants ISO-8601 UTC; null = empty).</summary>
public sealed record FieldChange(AlignmentField Field, string? OldValue, string? NewValue);
