using Alignment.Storage.Tables;
using Alignment.Sync.Runs;
using Alignment.Sync.State;
using Azure;
using Azure.Data.Tables;

namespace Alignment.Storage.Runs;

/// <summary>
/// Row of the run ledger: PartitionKey <c>runs</c>, RowKey <c>{inverted ticks of StartedAt}|{run id}</c> so that the
/// partition reads newest first.
/// </summary>
internal sealed class RunRecordEntity : ITableEntity
{
    public const string Partition = "runs";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string RunId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Crm { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string Outcome { get; set; } = "";
    public int Read { get; set; }
    public int Scored { get; set; }
    public int Changed { get; set; }
    public int Written { get; set; }
    public int Failed { get; set; }
    public int AlertsSent { get; set; }
    public int ApiCalls { get; set; }
    public string? ModelVersion { get; set; }
    public string? Error { get; set; }

    public static RunRecordEntity From(RunRecord record) => new()
    {
        RowKey = TableKey.InvertedTicks(record.StartedAt) + "|" + TableKey.Escape(record.RunId),
        RunId = record.RunId,
        Kind = record.Kind.Name(),
        Crm = record.Crm,
        StartedAt = record.StartedAt,
        FinishedAt = record.FinishedAt,
        Outcome = record.Outcome.ToString(),
        Read = record.Read,
        Scored = record.Scored,
        Changed = record.Changed,
        Written = record.Written,
        Failed = record.Failed,
        AlertsSent = record.AlertsSent,
        ApiCalls = record.ApiCalls,
        ModelVersion = record.ModelVersion,
        Error = record.Error,
    };

    /// <summary>The row as a record; null for a kind no release writes (a row left by another tool), which lists skip.</summary>
    public RunRecord? ToRecord() => RunKinds.Parse(Kind) is not { } kind ? null : new()
    {
        RunId = RunId,
        Kind = kind,
        Crm = Crm,
        StartedAt = StartedAt,
        FinishedAt = FinishedAt,
        Outcome = Enum.TryParse<Sync.Runs.RunOutcome>(Outcome, out var outcome) ? outcome : Sync.Runs.RunOutcome.Failed,
        Read = Read,
        Scored = Scored,
        Changed = Changed,
        Written = Written,
        Failed = Failed,
        AlertsSent = AlertsSent,
        ApiCalls = ApiCalls,
        ModelVersion = ModelVersion,
        Error = Error,
    };
}
