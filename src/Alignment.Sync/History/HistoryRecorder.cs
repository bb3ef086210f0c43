using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using Alignment.Sync.Crm;
using Alignment.Sync.Scoring;
using Alignment.Sync.Writing;

namespace Alignment.Sync.History;

/// <summary>
/// The jobs' history phase: after a batch is written, appends each written account's field changes to the write log
/// (run id, old and new value per field), records the new handoffs in the handoff history, and merges what became of
/// earlier handoffs (first response, SLA outcome, the rep's status and feedback). Needs no CRM call.
/// </summary>
public sealed class HistoryRecorder(IHandoffHistory history, IWriteLog writeLog)
{
    /// <summary>The write log entry of a write the CRM accepted.</summary>
    public static AccountChange ChangeOf(AlignmentState before, AccountWrite write, string runId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(write);
        var changes = write.Fields
            .Order()
            .Select(f => new FieldChange(f, AccountWriteApplier.Format(before, f), AccountWriteApplier.Format(write.Values, f)))
            .ToList();
        return new AccountChange(write.AccountId, at, runId, changes);
    }

    /// <summary>What the CRM state says about the handoff it holds; null when it holds none.</summary>
    public static HandoffFeedback? FeedbackOf(string accountId, AlignmentState state, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.HandoffAt is not { } handoffAt || state.HandoffStatus == HandoffStatus.None)
        {
            return null;
        }

        var outcome = state.SlaStatus is SlaStatus.Met or SlaStatus.Breached ? state.SlaStatus : null;
        // The reason belongs to a rejection: a reason left over from an earlier Rejected (the rep set the handoff back)
        // is not recorded against this status.
        var reason = state.HandoffStatus == HandoffStatus.Rejected ? state.RejectionReason : null;
        return new HandoffFeedback(accountId, handoffAt, state.HandoffStatus, state.FirstResponseAt, outcome, reason, state.WrongTier, at);
    }

    /// <summary>The handoff history record of a plan's new handoff; null when it decided none.</summary>
    public static HandoffRecord? HandoffOf(AccountPlan plan, string runId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Handoff is not { } handoff ? null : new HandoffRecord
        {
            AccountId = plan.AccountId,
            AccountName = plan.Source.Account.Name,
            HandoffAt = handoff.At,
            Rule = handoff.Rule,
            Tier = handoff.Tier,
            Score = plan.Evaluation.Score,
            Due = handoff.SlaDue,
            OwnerId = plan.Source.Account.Owner?.Id,
            OwnerTimeZone = plan.Source.Account.Owner?.TimeZone,
            Status = HandoffStatus.Pending,
            RunId = runId,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// The scoring run's feedback, whatever its writes do: the rep's status (Accepted, Rejected with its reason,
    /// Recycled) and wrong-tier flag of the accounts read without a new handoff, merged into their recorded handoff.
    /// </summary>
    public async Task RecordFeedbackAsync(IReadOnlyList<AccountPlan> plans, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var feedback = plans
            .Where(p => p.Handoff is null && p.Source.Account.Current is { } current
                && (current.HandoffStatus is HandoffStatus.Accepted or HandoffStatus.Rejected or HandoffStatus.Recycled || current.WrongTier))
            .Select(p => FeedbackOf(p.AccountId, p.Source.Account.Current!, now))
            .OfType<HandoffFeedback>()
            .ToList();
        await StoreAsync([], [], feedback, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The scoring run's writes the CRM took: their write-log entries and new handoffs.</summary>
    public async Task RecordWrittenAsync(IReadOnlyList<PlanFollowUp> written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(written);
        await StoreAsync(
            [.. written.Select(f => f.Change)],
            [.. written.Select(f => f.Handoff).OfType<HandoffRecord>()],
            [],
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The SLA sweep's writes: write log, and the first response, outcome and recycling merged into the handoff.</summary>
    public async Task RecordSweepAsync(IReadOnlyList<(AlignmentState Before, AccountWrite Write)> written, string runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(written);
        var changes = written.Select(w => ChangeOf(w.Before, w.Write, runId, now)).ToList();
        var feedback = written
            .Select(w => FeedbackOf(w.Write.AccountId, AccountWriteApplier.Apply(w.Before, w.Write), now))
            .OfType<HandoffFeedback>()
            .ToList();
        await StoreAsync(changes, [], feedback, cancellationToken).ConfigureAwait(false);
    }

    private async Task StoreAsync(List<AccountChange> changes, List<HandoffRecord> handoffs, List<HandoffFeedback> feedback, CancellationToken cancellationToken)
    {
        if (changes.Count > 0)
        {
            await writeLog.AppendAsync(changes, cancellationToken).ConfigureAwait(false);
        }

        if (handoffs.Count > 0)
        {
            await history.AddAsync(handoffs, cancellationToken).ConfigureAwait(false);
        }

        if (feedback.Count > 0)
        {
            await history.UpdateAsync(feedback, cancellationToken).ConfigureAwait(false);
        }
    }
}
