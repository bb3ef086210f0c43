using System.Text.Json;
using Alignment.Storage.Json;
using Alignment.Storage.Tables;
using Alignment.Sync.Alerts;
using Alignment.Sync.State;
using Azure;
using Azure.Data.Tables;

namespace Alignment.Storage.AlertLedger;

/// <summary>
/// The alert ledger lives in one partition (<c>alerts</c>). Each alert has an entry row (RowKey <c>entry|{key}</c>)
/// holding the whole entry, and, while it is open (Pending or Sending), an index row (RowKey <c>open|{key}</c>) so that
/// listing open alerts is a range read rather than a scan. Both rows change in one entity-group transaction.
/// </summary>
internal sealed class AlertLedgerEntity : ITableEntity
{
    public const string Partition = "alerts";
    public const string EntryPrefix = "entry|";
    public const string OpenPrefix = "open|";

    /// <summary>The first character after <c>|</c>: the exclusive upper bound of a prefix range.</summary>
    public const string OpenRangeEnd = "open}";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Key { get; set; } = "";
    public string AccountId { get; set; } = "";
    public string Level { get; set; } = "";
    public string State { get; set; } = "";

    /// <summary>The <see cref="Sync.Alerts.Alert"/> as JSON.</summary>
    public string AlertJson { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    public static string EntryRowKey(string key) => EntryPrefix + TableKey.Escape(key);

    public static string OpenRowKey(string key) => OpenPrefix + TableKey.Escape(key);

    public static bool IsOpen(AlertLedgerState state) => state is AlertLedgerState.Pending or AlertLedgerState.Sending;

    public static AlertLedgerEntity Entry(AlertLedgerEntry entry) => new()
    {
        RowKey = EntryRowKey(entry.Alert.Key),
        Key = entry.Alert.Key,
        AccountId = entry.Alert.AccountId,
        Level = entry.Alert.Level.ToString(),
        State = entry.State.ToString(),
        AlertJson = JsonSerializer.Serialize(entry.Alert, StateJsonContext.Default.Alert),
        CreatedAt = entry.CreatedAt,
        Attempts = entry.Attempts,
        LastAttemptAt = entry.LastAttemptAt,
        NextAttemptAt = entry.NextAttemptAt,
        SentAt = entry.SentAt,
        LastError = entry.LastError,
    };

    public static TableEntity OpenIndex(AlertLedgerEntry entry) => new(Partition, OpenRowKey(entry.Alert.Key))
    {
        [nameof(Key)] = entry.Alert.Key,
    };

    public AlertLedgerEntry ToEntry() => new()
    {
        Alert = JsonSerializer.Deserialize(AlertJson, StateJsonContext.Default.Alert)
            ?? throw new InvalidOperationException("The alert ledger row " + RowKey + " has no alert payload."),
        State = Enum.Parse<AlertLedgerState>(State),
        CreatedAt = CreatedAt,
        Attempts = Attempts,
        LastAttemptAt = LastAttemptAt,
        NextAttemptAt = NextAttemptAt,
        SentAt = SentAt,
        LastError = LastError,
    };
}
