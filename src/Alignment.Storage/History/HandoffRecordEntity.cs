using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.Storage.Tables;
using Alignment.Sync.History;
using Azure;
using Azure.Data.Tables;

namespace Alignment.Storage.History;

/// <summary>
/// Row of the handoff history table. Each handoff is stored twice, as the same entity in two partitions:
/// <list type="bullet">
/// <item>the account row — PartitionKey <c>acct|{escaped account id}</c>, RowKey the inverted ticks of the handoff
/// instant (whole seconds), so an account's handoffs read newest first;</item>
/// <item>the week row — PartitionKey <c>week|{ISO week, e.g. 2026-W47}</c>, RowKey <c>{ticks}|{escaped account id}</c>,
/// so one week's handoffs are one partition read in handoff order (the weekly scoreboard).</item>
/// </list>
/// </summary>
internal sealed class HandoffRecordEntity : ITableEntity
{
    public const string AccountPrefix = "acct|";
    public const string WeekPrefix = "week|";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string AccountId { get; set; } = "";
    public string? AccountName { get; set; }
    public DateTimeOffset HandoffAt { get; set; }
    public string? Rule { get; set; }
    public string? Tier { get; set; }
    public int? Score { get; set; }
    public DateTimeOffset? Due { get; set; }
    public string? OwnerId { get; set; }
    public string? OwnerTimeZone { get; set; }
    public string? Status { get; set; }
    public DateTimeOffset? FirstResponseAt { get; set; }
    public string? Outcome { get; set; }
    public string? RejectionReason { get; set; }
    public bool? WrongTier { get; set; }
    public string? RunId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static DateTimeOffset Seconds(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    public static string AccountPartition(string accountId) => AccountPrefix + TableKey.Escape(accountId);

    public static string WeekPartition(IsoWeek week) => WeekPrefix + week;

    /// <summary>The (PartitionKey, RowKey) of both rows of a handoff.</summary>
    public static ((string Partition, string Row) Account, (string Partition, string Row) Week) Keys(string accountId, DateTimeOffset handoffAt)
    {
        var at = Seconds(handoffAt);
        return ((AccountPartition(accountId), TableKey.InvertedTicks(at)),
                (WeekPartition(IsoWeek.Of(at)), TableKey.Ticks(at) + "|" + TableKey.Escape(accountId)));
    }

    public static IEnumerable<HandoffRecordEntity> From(HandoffRecord record)
    {
        var (account, week) = Keys(record.AccountId, record.HandoffAt);
        foreach (var (partition, row) in new[] { account, week })
        {
            yield return new HandoffRecordEntity
            {
                PartitionKey = partition,
                RowKey = row,
                AccountId = record.AccountId,
                AccountName = record.AccountName,
                HandoffAt = Seconds(record.HandoffAt),
                Rule = record.Rule,
                Tier = record.Tier.ToString(),
                Score = record.Score,
                Due = record.Due.ToUniversalTime(),
                OwnerId = record.OwnerId,
                OwnerTimeZone = record.OwnerTimeZone,
                Status = record.Status.ToString(),
                FirstResponseAt = record.FirstResponseAt?.ToUniversalTime(),
                Outcome = record.Outcome?.ToString(),
                RejectionReason = record.RejectionReason,
                WrongTier = record.WrongTier,
                RunId = record.RunId,
                UpdatedAt = record.UpdatedAt.ToUniversalTime(),
            };
        }
    }

    /// <summary>The merge rows of a feedback (only the outcome and feedback properties; the decision is left as recorded).</summary>
    public static IEnumerable<TableEntity> Merge(HandoffFeedback feedback)
    {
        var (account, week) = Keys(feedback.AccountId, feedback.HandoffAt);
        foreach (var (partition, row) in new[] { account, week })
        {
            var entity = new TableEntity(partition, row)
            {
                [nameof(AccountId)] = feedback.AccountId,
                [nameof(HandoffAt)] = Seconds(feedback.HandoffAt),
                [nameof(Status)] = feedback.Status.ToString(),
                [nameof(WrongTier)] = feedback.WrongTier,
                [nameof(UpdatedAt)] = feedback.UpdatedAt.ToUniversalTime(),
            };
            if (feedback.FirstResponseAt is { } response)
            {
                entity[nameof(FirstResponseAt)] = response.ToUniversalTime();
            }

            if (feedback.Outcome is { } outcome)
            {
                entity[nameof(Outcome)] = outcome.ToString();
            }

            if (feedback.RejectionReason is { } reason)
            {
                entity[nameof(RejectionReason)] = reason;
            }

            yield return entity;
        }
    }

    public HandoffRecord ToRecord() => new()
    {
        AccountId = AccountId,
        AccountName = AccountName,
        HandoffAt = HandoffAt,
        Rule = Rule ?? "unknown",
        Tier = Enum.TryParse<Tier>(Tier, out var tier) ? tier : Core.Tiers.Tier.None,
        Score = Score,
        Due = Due ?? HandoffAt,
        OwnerId = OwnerId,
        OwnerTimeZone = OwnerTimeZone,
        Status = Enum.TryParse<HandoffStatus>(Status, out var status) ? status : HandoffStatus.Pending,
        FirstResponseAt = FirstResponseAt,
        Outcome = Enum.TryParse<SlaStatus>(Outcome, out var outcome) ? outcome : null,
        RejectionReason = RejectionReason,
        WrongTier = WrongTier ?? false,
        RunId = RunId,
        UpdatedAt = UpdatedAt,
    };
}
