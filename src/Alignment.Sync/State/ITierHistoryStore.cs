namespace Alignment.Sync.State;

/// <summary>Tier history per account (hysteresis dwell and audit).</summary>
public interface ITierHistoryStore
{
    /// <summary>The latest record of each named account that has one.</summary>
    Task<IReadOnlyDictionary<string, TierRecord>> GetLatestAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken);

    /// <summary>Appends records (idempotent: the same account and instant twice is one record).</summary>
    Task AppendAsync(IReadOnlyCollection<TierRecord> records, CancellationToken cancellationToken);

    /// <summary>The newest records of one account, newest first.</summary>
    Task<IReadOnlyList<TierRecord>> GetHistoryAsync(string accountId, int max, CancellationToken cancellationToken);
}
