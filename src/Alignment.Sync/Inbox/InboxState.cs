namespace Alignment.Sync.Inbox;

/// <summary>Lifecycle of a webhook delivery in the inbox.</summary>
public enum InboxState
{
    Pending,
    Done,

    /// <summary>Failed too often; kept with its error for a person to look at.</summary>
    Parked,
}
