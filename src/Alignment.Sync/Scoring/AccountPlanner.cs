using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.Sync.Crm;
using Alignment.Sync.State;
using Alignment.Sync.Writing;

namespace Alignment.Sync.Scoring;

/// <summary>
/// Turns an account read from the CRM into an <see cref="AccountPlan"/>: evaluates it, decides a new handoff, builds
/// the wanted field values and diffs them against the CRM's. Shared by the scoring run, the inbox drain and the plan.
/// </summary>
/// <remarks>
/// Tier history: the latest <see cref="TierRecord"/> of an account is either the tier the connector last assigned, or
/// — when its tier ranks above the tier the CRM holds — an upgrade waiting out the model's dwell since
/// <see cref="TierRecord.At"/>. A record is appended when the tier changes and when a new upgrade starts waiting.
/// </remarks>
public sealed class AccountPlanner(AlignmentRules rules)
{
    /// <summary>Separates the reasons in the reasons field.</summary>
    public const string ReasonSeparator = "; ";

    public AlignmentRules Rules { get; } = rules ?? throw new ArgumentNullException(nameof(rules));

    public AccountPlan Plan(CrmAccount source, TierRecord? latestTier, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(source);
        var account = source.Account;
        var current = account.Current ?? AlignmentState.Empty;
        var pending = latestTier is { } r && TierRank.Of(r.Tier) > TierRank.Of(current.Tier) ? new TierCandidate(r.Tier, r.At) : (TierCandidate?)null;

        var evaluation = Rules.Evaluator.Evaluate(account, now, pending);
        var wanted = current with
        {
            Score = evaluation.Score,
            Fit = evaluation.Fit,
            Intent = evaluation.Intent,
            Engagement = evaluation.Engagement,
            Tier = evaluation.Tier,
            Reasons = string.Join(ReasonSeparator, evaluation.Reasons),
            ModelVersion = evaluation.ModelVersion,
            ScoredAt = now,
        };

        var handoff = Rules.Handoffs.Decide(account, evaluation.Tier, evaluation.Fit, evaluation.Intent, Rules.Sla, now);
        if (handoff is not null)
        {
            wanted = wanted with
            {
                HandoffStatus = HandoffStatus.Pending,
                HandoffRule = handoff.Rule,
                HandoffAt = handoff.At,
                HandoffTier = handoff.Tier,
                SlaDue = handoff.SlaDue,
                SlaStatus = SlaStatus.OnTrack,
                FirstResponseAt = null,
            };
        }

        TierRecord? record = null;
        if (evaluation.Tier != current.Tier)
        {
            record = new TierRecord(account.Id, evaluation.Tier, evaluation.Score, now, evaluation.ModelVersion);
        }
        else if (evaluation.PendingUpgrade is { } upgrade && upgrade != pending)
        {
            record = new TierRecord(account.Id, upgrade.Tier, evaluation.Score, upgrade.Since, evaluation.ModelVersion);
        }

        wanted = wanted with { ReviewDue = ReviewDue(current, evaluation.Tier, latestTier, now) };
        // The plan keeps the account without its signals: the write, the history and the alerts never read them again,
        // and a batch's plans are held until their follow-ups are built (docs/partitions.md, "A worker's memory").
        var kept = account.Signals.IsEmpty ? source : source with { Account = account with { Signals = [] } };
        return new AccountPlan(kept, evaluation, handoff, wanted, AlignmentDiff.Compute(account.Id, current, wanted), record);
    }

    /// <summary>
    /// The tier review flag (docs/scoreboard.md, "Tier review"): the tier the account will hold (a locked tier stays),
    /// since when — now when this run changes it, the tier history's instant when that record is the tier held, else
    /// unknown — against the person's confirmation and the rep's wrong-tier flag.
    /// </summary>
    private static bool ReviewDue(AlignmentState current, Tier computed, TierRecord? latestTier, DateTimeOffset now)
    {
        var tier = current.TierLocked ? current.Tier : computed;
        DateTimeOffset? since = tier != current.Tier ? now
            : latestTier is { } r && r.Tier == tier ? r.At
            : null;
        return TierReview.IsDue(tier, current.TierConfirmedAt, since, current.WrongTier, now);
    }

}
