using Alignment.Sync.State;

namespace Alignment.Sync.Inbox;

/// <summary>One conditional change of an inbox item: <paramref name="Current"/> as read (its ETag) becomes <paramref name="Next"/>.</summary>
/// <param name="Current">The item as last read, with the ETag the store must still hold.</param>
/// <param name="Next">The new value (same <see cref="InboxItem.EventId"/>).</param>
public sealed record InboxItemUpdate(Versioned<InboxItem> Current, InboxItem Next);
