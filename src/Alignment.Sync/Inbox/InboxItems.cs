namespace Alignment.Sync.Inbox;

/// <summary>
/// Builds the inbox items of one delivered event. A stored item's account list must stay far below a table property's
/// 64 KiB, so an event naming more than <see cref="MaxAccountIdsPerItem"/> accounts becomes several items (parts, keyed
/// by <see cref="InboxKey.Part"/>), each stored and deduplicated on its own; a redelivery of the same event yields the
/// same parts. See <c>docs/webhook-threat-model.md</c>.
/// </summary>
public static class InboxItems
{
    /// <summary>Account ids per item: 500 Salesforce ids are about 10,500 characters of JSON.</summary>
    public const int MaxAccountIdsPerItem = 500;

    /// <summary>The items of the event keyed <paramref name="eventKey"/> (from <see cref="InboxKey.For"/>); none when it names no account.</summary>
    public static IReadOnlyList<InboxItem> ForEvent(string eventKey, string source, IReadOnlyList<string> accountIds, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventKey);
        ArgumentNullException.ThrowIfNull(accountIds);
        if (accountIds.Count == 0)
        {
            return [];
        }

        if (accountIds.Count <= MaxAccountIdsPerItem)
        {
            return [new InboxItem { EventId = eventKey, Source = source, AccountIds = accountIds, ReceivedAt = receivedAt }];
        }

        return [.. accountIds.Chunk(MaxAccountIdsPerItem).Select((chunk, part) => new InboxItem
        {
            EventId = InboxKey.Part(eventKey, part),
            Source = source,
            AccountIds = chunk,
            ReceivedAt = receivedAt,
        })];
    }
}
