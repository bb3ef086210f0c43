namespace Alignment.Sync.Inbox;

/// <summary>The outcome of one <see cref="InboxDrainJob.RunAsync"/> (all its passes).</summary>
/// <param name="Done">Items processed and marked Done.</param>
/// <param name="Retrying">Items that failed (or were sent back) and wait for their back-off.</param>
/// <param name="Parked">Items parked after too many attempts.</param>
/// <param name="Skipped">Items another instance took first (ETag conflict).</param>
/// <param name="AccountsWritten">Accounts whose fields were written.</param>
/// <param name="StoppedAtBudget">The CRM's budget ran out; the rest waits.</param>
public sealed record InboxDrainResult(int Done, int Retrying, int Parked, int Skipped, int AccountsWritten, bool StoppedAtBudget)
{
    /// <summary>Passes that claimed items (each: one coalesced read, score and batched write).</summary>
    public int Passes { get; init; }

    /// <summary>Distinct accounts read and scored, summed over the passes.</summary>
    public int AccountsRead { get; init; }

    /// <summary>CRM API calls made by this run.</summary>
    public int ApiCalls { get; init; }

    /// <summary>
    /// Items due and still waiting when the drain ended (0 when it emptied the inbox; at most
    /// <see cref="InboxDrainJob.DepthCountLimit"/>): the backlog an admin watches.
    /// </summary>
    public int Depth { get; init; }
}
