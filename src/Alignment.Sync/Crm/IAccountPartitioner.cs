namespace Alignment.Sync.Crm;

/// <summary>
/// Splits the CRM's accounts into contiguous id ranges for a partitioned full rescore (docs/partitions.md). The ranges
/// of one plan cover every account exactly once; each range's <see cref="AccountRange.Count"/> is what the planner saw.
/// </summary>
public interface IAccountPartitioner
{
    /// <summary>Ranges of about <paramref name="partitionSize"/> accounts each (one range for a smaller org).</summary>
    Task<IReadOnlyList<AccountRange>> PlanAsync(int partitionSize, CancellationToken cancellationToken);
}
