using System.Globalization;
using Alignment.Storage.Tables;
using Alignment.Sync.Partitions;
using Azure;
using Azure.Data.Tables;

namespace Alignment.Storage.Partitions;

/// <summary>
/// A partition's row in <c>{prefix}partitions</c>: PartitionKey the run id (escaped), RowKey the index (6 digits, so
/// the run reads in plan order).
/// </summary>
internal sealed class PartitionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string RunId { get; set; } = "";
    public string Crm { get; set; } = "";
    public int Index { get; set; }
    public int Total { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public int Count { get; set; }
    public DateTimeOffset PlannedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public int Read { get; set; }
    public int Written { get; set; }
    public int Failed { get; set; }
    public int Handoffs { get; set; }
    public int ApiCalls { get; set; }
    public int FailedAttempts { get; set; }
    public string? LastError { get; set; }

    public static string RowKeyOf(int index) => index.ToString("D6", CultureInfo.InvariantCulture);

    public static PartitionEntity Of(PartitionRecord record)
    {
        var p = record.Partition;
        return new PartitionEntity
        {
            PartitionKey = TableKey.Escape(p.RunId),
            RowKey = RowKeyOf(p.Index),
            RunId = p.RunId,
            Crm = p.Crm,
            Index = p.Index,
            Total = p.Total,
            From = p.From,
            To = p.To,
            Count = p.Count,
            PlannedAt = p.PlannedAt,
            CompletedAt = record.CompletedAt,
            Read = record.Read,
            Written = record.Written,
            Failed = record.Failed,
            Handoffs = record.Handoffs,
            ApiCalls = record.ApiCalls,
            FailedAttempts = record.FailedAttempts,
            LastError = record.LastError,
        };
    }

    public PartitionRecord ToRecord() => new()
    {
        Partition = new PartitionMessage(RunId, Crm, Index, Total, From, To, Count, PlannedAt),
        CompletedAt = CompletedAt,
        Read = Read,
        Written = Written,
        Failed = Failed,
        Handoffs = Handoffs,
        ApiCalls = ApiCalls,
        FailedAttempts = FailedAttempts,
        LastError = LastError,
    };
}

/// <summary>The CRM's open partitioned run: PartitionKey <c>open</c>, RowKey the CRM.</summary>
internal sealed class OpenRunEntity : ITableEntity
{
    public const string Partition = "open";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string RunId { get; set; } = "";
}
