namespace Alignment.Sync.History;

/// <summary>The per-account write log: which run changed which field from what to what ("why did this account change?").</summary>
public interface IWriteLog
{
    /// <summary>
    /// Appends changes (idempotent: the same account, instant and run is one entry). The writes that move a tier or
    /// recycle a handoff (<see cref="TierMovement.Of"/>) are also filed under their ISO week for the scoreboard.
    /// </summary>
    Task AppendAsync(IReadOnlyCollection<AccountChange> changes, CancellationToken cancellationToken);

    /// <summary>The newest writes to one account, newest first.</summary>
    Task<IReadOnlyList<AccountChange>> ListForAccountAsync(string accountId, int max, CancellationToken cancellationToken);

    /// <summary>
    /// The writes of one ISO week (UTC) that moved a tier or recycled a handoff, each with only those field changes,
    /// in write order; one read of the week, never a scan.
    /// </summary>
    IAsyncEnumerable<AccountChange> ListMovementsForWeekAsync(IsoWeek week, CancellationToken cancellationToken);
}
