namespace Alignment.Sync.Partitions;

/// <summary>
/// One partition of a partitioned full rescore, as the queue carries it (docs/partitions.md): the run, its place in the
/// plan and the id range to score.
/// </summary>
/// <param name="RunId">The partitioned run (<c>{crm}:full-rescore:{planned at}</c>).</param>
/// <param name="Crm">The CRM the run is for.</param>
/// <param name="Index">0-based position in the plan.</param>
/// <param name="Total">Partitions in the plan.</param>
/// <param name="From">First account id of the range (inclusive), or null from the start.</param>
/// <param name="To">First account id after the range, or null to the end.</param>
/// <param name="Count">Accounts the planner counted in the range.</param>
/// <param name="PlannedAt">When the run was planned (UTC).</param>
public sealed record PartitionMessage(string RunId, string Crm, int Index, int Total, string? From, string? To, int Count, DateTimeOffset PlannedAt);
