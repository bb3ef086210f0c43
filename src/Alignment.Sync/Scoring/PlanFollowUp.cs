using System.Text.Json.Serialization;
using Alignment.Sync.Alerts;
using Alignment.Sync.Crm;
using Alignment.Sync.Handoffs;
using Alignment.Sync.History;
using Alignment.Sync.State;

namespace Alignment.Sync.Scoring;

/// <summary>
/// What a plan with a write leaves to do once the CRM has said whether it took the write: the write itself, its
/// write-log entry, the new handoff's record and DM, the tier history entry and the upward tier crossing. Built when the
/// account is planned, so that a partition's plans need not be held until its one write: they are staged on local
/// disk (<see cref="StagedPlans"/>, docs/partitions.md, "A worker's memory").
/// </summary>
/// <param name="Write">The changed fields.</param>
/// <param name="LastModifiedAt">The account's last change as read (the checkpoint stays before it when the write fails transiently).</param>
/// <param name="Change">The write-log entry, appended once the CRM took the write.</param>
/// <param name="Handoff">The new handoff's record; null when the plan decided none.</param>
/// <param name="HandoffAlert">The owner's DM of that handoff.</param>
/// <param name="TierRecord">The tier history entry of a tier change (appended only once written).</param>
/// <param name="Crossing">The upward tier crossing for the run's digest.</param>
public sealed record PlanFollowUp(
    AccountWrite Write,
    DateTimeOffset LastModifiedAt,
    AccountChange Change,
    HandoffRecord? Handoff,
    Alert? HandoffAlert,
    TierRecord? TierRecord,
    TierCrossing? Crossing)
{
    [JsonIgnore]
    public string AccountId => Write.AccountId;

    /// <summary>The follow-up of <paramref name="plan"/>; null when it writes nothing.</summary>
    public static PlanFollowUp? Of(AccountPlan plan, string runId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Write is not { } write)
        {
            return null;
        }

        var before = plan.Source.Account.Current ?? Core.Accounts.AlignmentState.Empty;
        return new PlanFollowUp(
            write,
            plan.Source.LastModifiedAt,
            HistoryRecorder.ChangeOf(before, write, runId, now),
            HistoryRecorder.HandoffOf(plan, runId, now),
            HandoffAnnouncer.AlertOf(plan),
            plan.Evaluation.Tier != before.Tier ? plan.TierRecord : null,
            HandoffAnnouncer.CrossingOf(plan));
    }
}
