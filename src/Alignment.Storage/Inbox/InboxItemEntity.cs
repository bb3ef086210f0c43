using System.Text.Json;
using Alignment.Storage.Json;
using Alignment.Storage.Tables;
using Alignment.Sync.Inbox;
using Azure;
using Azure.Data.Tables;

namespace Alignment.Storage.Inbox;

/// <summary>
/// The inbox lives in one partition (<c>inbox</c>). Each delivery has an item row (RowKey <c>item|{eventId}</c>) and,
/// while it is pending, a due row (RowKey <c>due|{ticks of when due}|{eventId}</c>) holding a copy of the item, so that
/// "due now, oldest first" is one range read in key order. Both rows change in one entity-group transaction.
/// </summary>
internal sealed class InboxItemEntity : ITableEntity
{
    public const string Partition = "inbox";
    public const string ItemPrefix = "item|";
    public const string DuePrefix = "due|";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string EventId { get; set; } = "";
    public string Source { get; set; } = "";

    /// <summary>The account ids as a JSON array.</summary>
    public string AccountIdsJson { get; set; } = "[]";

    public DateTimeOffset ReceivedAt { get; set; }
    public string State { get; set; } = nameof(InboxState.Pending);
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public string? LastError { get; set; }

    public static string ItemRowKey(string eventId) => ItemPrefix + TableKey.Escape(eventId);

    /// <summary>The due row key of a pending item, or null when the item is not pending.</summary>
    public static string? DueRowKey(InboxItem item) =>
        item.State == InboxState.Pending ? DueRowKey(DueAt(item).UtcTicks) + TableKey.Escape(item.EventId) : null;

    /// <summary>The key prefix of everything due at <paramref name="ticks"/> (UTC).</summary>
    public static string DueRowKey(long ticks) => DuePrefix + TableKey.Ticks(ticks) + "|";

    public static DateTimeOffset DueAt(InboxItem item) => item.NextAttemptAt ?? item.ReceivedAt;

    public static InboxItemEntity Item(InboxItem item) => new()
    {
        RowKey = ItemRowKey(item.EventId),
        EventId = item.EventId,
        Source = item.Source,
        AccountIdsJson = JsonSerializer.Serialize(item.AccountIds.ToList(), StateJsonContext.Default.ListString),
        ReceivedAt = item.ReceivedAt,
        State = item.State.ToString(),
        Attempts = item.Attempts,
        NextAttemptAt = item.NextAttemptAt,
        ProcessedAt = item.ProcessedAt,
        LastError = item.LastError,
    };

    /// <summary>The due row: a copy of the item under its due key, so that listing what is due is one range read.</summary>
    public static InboxItemEntity Due(InboxItem item, string dueRowKey)
    {
        var entity = Item(item);
        entity.RowKey = dueRowKey;
        return entity;
    }

    public InboxItem ToItem() => new()
    {
        EventId = EventId,
        Source = Source,
        AccountIds = JsonSerializer.Deserialize(AccountIdsJson, StateJsonContext.Default.ListString) ?? [],
        ReceivedAt = ReceivedAt,
        State = Enum.Parse<InboxState>(State),
        Attempts = Attempts,
        NextAttemptAt = NextAttemptAt,
        ProcessedAt = ProcessedAt,
        LastError = LastError,
    };
}
