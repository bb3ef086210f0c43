namespace Alignment.Sync.Crm;

/// <summary>
/// A slice of the CRM's accounts by id, for a partitioned full rescore (docs/partitions.md): <see cref="From"/>
/// inclusive, <see cref="To"/> exclusive, null for an open end. Salesforce ids compare as text (ordinal), HubSpot
/// <c>hs_object_id</c> values as numbers; a plan's ranges are contiguous and cover every id exactly once.
/// </summary>
/// <param name="From">First id of the range, or null from the start.</param>
/// <param name="To">First id after the range, or null to the end.</param>
/// <param name="Count">Accounts in the range when it was planned (the adapter reads through its bulk API above its threshold).</param>
public sealed record AccountRange(string? From, string? To, int Count);
