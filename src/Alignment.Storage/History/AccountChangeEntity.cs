using System.Text.Json;
using Alignment.Storage.Json;
using Alignment.Storage.Tables;
using Alignment.Sync.History;
using Azure;
using Azure.Data.Tables;

namespace Alignment.Storage.History;

/// <summary>
/// Row of the write log table: PartitionKey the account's bucket (<see cref="AccountBucket"/>), RowKey <c>{escaped
/// account id}|{inverted ticks of the write}|{escaped run id}</c> (an account's rows together, newest first; the same
/// write twice is one row), the field changes as JSON
/// (<c>[{"field":"Tier","oldValue":"Tier3","newValue":"Tier2"}]</c>). A write that moves a tier or recycles a handoff
/// also has a week row: PartitionKey <c>week|{ISO week, e.g. 2026-W48}</c> (never a bucket's, which start <c>b|</c>), RowKey <c>{ticks}|{escaped account id}|{escaped run id}</c>
/// (oldest first), only those changes.
/// </summary>
internal sealed class AccountChangeEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string AccountId { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string RunId { get; set; } = "";
    public string ChangesJson { get; set; } = "[]";

    public static AccountChangeEntity From(AccountChange change) => new()
    {
        PartitionKey = AccountBucket.PartitionKey(change.AccountId),
        RowKey = AccountBucket.RowPrefix(change.AccountId) + TableKey.InvertedTicks(change.At) + "|" + TableKey.Escape(change.RunId),
        AccountId = change.AccountId,
        At = change.At.ToUniversalTime(),
        RunId = change.RunId,
        ChangesJson = JsonSerializer.Serialize([.. change.Changes], StateJsonContext.Default.ListFieldChange),
    };

    public const string WeekPrefix = "week|";

    public static string WeekPartition(IsoWeek week) => WeekPrefix + week;

    /// <summary>The week row of a movement (<see cref="TierMovement.Of"/>).</summary>
    public static AccountChangeEntity WeekRow(AccountChange movement)
    {
        var row = From(movement);
        row.PartitionKey = WeekPartition(IsoWeek.Of(movement.At));
        row.RowKey = TableKey.Ticks(movement.At) + "|" + TableKey.Escape(movement.AccountId) + "|" + TableKey.Escape(movement.RunId);
        return row;
    }

    public AccountChange ToChange() =>
        new(AccountId, At, RunId, JsonSerializer.Deserialize(ChangesJson, StateJsonContext.Default.ListFieldChange) ?? []);
}
