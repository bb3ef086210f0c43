namespace Alignment.Sync.History;

/// <summary>The per-account write log: which run changed which field from what to what ("why did this account change?").</summary>
public interface IWriteLog
{
    /// <summary>Appends changes (idempotent: the same account, instant and run is one entry).</summary>
    Task AppendAsync(IReadOnlyCollection<AccountChange> changes, CancellationToken cancellationToken);

    /// <summary>The newest writes to one account, newest first.</summary>
    Task<IReadOnlyList<AccountChange>> ListForAccountAsync(string accountId, int max, CancellationToken cancellationToken);
}
