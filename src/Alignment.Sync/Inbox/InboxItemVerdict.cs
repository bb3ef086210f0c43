namespace Alignment.Sync.Inbox;

/// <summary>What becomes of one claimed inbox item after its pass.</summary>
internal enum InboxItemVerdictKind
{
    /// <summary>Every account it names was written, or already held the wanted values: Done.</summary>
    Done,

    /// <summary>One of its accounts failed: retry after the back-off, park after the last attempt.</summary>
    Retry,

    /// <summary>Not the item's fault (the API budget ran out, the lease ran short): back to Pending, the attempt not counted.</summary>
    Release,
}

/// <summary>A verdict with the CRM's error code, when there is one.</summary>
internal readonly record struct InboxItemVerdict(InboxItemVerdictKind Kind, string? Error)
{
    public static InboxItemVerdict Done { get; } = new(InboxItemVerdictKind.Done, null);

    public static InboxItemVerdict Retry(string error) => new(InboxItemVerdictKind.Retry, error);

    public static InboxItemVerdict Release(string error) => new(InboxItemVerdictKind.Release, error);
}
