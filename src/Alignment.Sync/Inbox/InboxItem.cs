namespace Alignment.Sync.Inbox;

/// <summary>One webhook event, stored before it is acknowledged.</summary>
public sealed record InboxItem
{
    /// <summary>Idempotency key: the sender's event id, prefixed by the source (<c>hubspot:123</c>).</summary>
    public required string EventId { get; init; }

    /// <summary><c>hubspot</c> or <c>salesforce</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The accounts to rescore.</summary>
    public required IReadOnlyList<string> AccountIds { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
    public InboxState State { get; init; } = InboxState.Pending;
    public int Attempts { get; init; }

    /// <summary>Not to be processed before this UTC instant (back-off).</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    public DateTimeOffset? ProcessedAt { get; init; }
    public string? LastError { get; init; }
}
