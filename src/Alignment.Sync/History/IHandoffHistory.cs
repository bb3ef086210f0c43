namespace Alignment.Sync.History;

/// <summary>
/// The handoff history ledger (docs/storage-and-slack.md, "History"): every handoff with its outcome and feedback,
/// readable per account and per ISO week (the weekly scoreboard reads one week without a scan).
/// </summary>
public interface IHandoffHistory
{
    /// <summary>Records new handoffs (idempotent: the same account and handoff instant is one record, replaced).</summary>
    Task AddAsync(IReadOnlyCollection<HandoffRecord> records, CancellationToken cancellationToken);

    /// <summary>Merges outcome and feedback into recorded handoffs (a handoff not recorded gets a record with what is known).</summary>
    Task UpdateAsync(IReadOnlyCollection<HandoffFeedback> feedback, CancellationToken cancellationToken);

    /// <summary>The handoffs of one account, newest first.</summary>
    Task<IReadOnlyList<HandoffRecord>> ListForAccountAsync(string accountId, int max, CancellationToken cancellationToken);

    /// <summary>The handoffs decided in one ISO week (Monday 00:00 UTC to the next), in handoff order.</summary>
    IAsyncEnumerable<HandoffRecord> ListForWeekAsync(IsoWeek week, CancellationToken cancellationToken);
}
