using Alignment.Core.Tiers;
using Alignment.Storage.Tables;
using Alignment.Sync.State;
using Azure;
using Azure.Data.Tables;

namespace Alignment.Storage.TierHistory;

/// <summary>
/// Row of the tier history table: PartitionKey the account's bucket (<see cref="AccountBucket"/>), RowKey
/// <c>{escaped account id}|{inverted ticks of the instant}</c>, so an account's rows read newest first and its first row
/// is the latest tier.
/// </summary>
internal sealed class TierRecordEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string AccountId { get; set; } = "";
    public string Tier { get; set; } = nameof(Core.Tiers.Tier.None);
    public int Score { get; set; }
    public DateTimeOffset At { get; set; }
    public string ModelVersion { get; set; } = "";

    public static TierRecordEntity From(TierRecord record) => new()
    {
        PartitionKey = AccountBucket.PartitionKey(record.AccountId),
        RowKey = AccountBucket.RowPrefix(record.AccountId) + TableKey.InvertedTicks(record.At),
        AccountId = record.AccountId,
        Tier = record.Tier.ToString(),
        Score = record.Score,
        At = record.At.ToUniversalTime(),
        ModelVersion = record.ModelVersion,
    };

    public TierRecord ToRecord() =>
        new(AccountId, Enum.TryParse<Tier>(Tier, out var tier) ? tier : Core.Tiers.Tier.None, Score, At, ModelVersion);
}
