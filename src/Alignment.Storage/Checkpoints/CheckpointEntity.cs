using Azure;
using Azure.Data.Tables;

namespace Alignment.Storage.Checkpoints;

/// <summary>Row of the checkpoints table: PartitionKey <c>checkpoint</c>, RowKey the escaped checkpoint name.</summary>
internal sealed class CheckpointEntity : ITableEntity
{
    public const string Partition = "checkpoint";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public DateTimeOffset? ModifiedSince { get; set; }
    public DateTimeOffset? LastFullRunAt { get; set; }
}
