namespace Alignment.Sync.Crm;

/// <summary>
/// Writes gathered as a partition is planned and sent together once it is (docs/partitions.md, "A worker's memory"):
/// kept on local disk, not in memory, and read back as often as the sending needs.
/// </summary>
public interface IStagedWrites
{
    /// <summary>How many writes are staged.</summary>
    int Count { get; }

    /// <summary>Every field some staged write changes.</summary>
    IReadOnlySet<AlignmentField> Fields { get; }

    /// <summary>The writes, in the order they were staged.</summary>
    IAsyncEnumerable<AccountWrite> ReadAsync(CancellationToken cancellationToken);
}
