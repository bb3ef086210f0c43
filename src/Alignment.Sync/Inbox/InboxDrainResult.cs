namespace Alignment.Sync.Inbox;

/// <summary>The outcome of one <see cref="InboxDrainJob.RunAsync"/>.</summary>
/// <param name="Done">Items processed and marked Done.</param>
/// <param name="Retrying">Items that failed and wait for their back-off.</param>
/// <param name="Parked">Items parked after too many attempts.</param>
/// <param name="Skipped">Items another instance took first (ETag conflict).</param>
/// <param name="AccountsWritten">Accounts whose fields were written.</param>
/// <param name="StoppedAtBudget">The CRM's budget ran out; the rest waits.</param>
public sealed record InboxDrainResult(int Done, int Retrying, int Parked, int Skipped, int AccountsWritten, bool StoppedAtBudget);
