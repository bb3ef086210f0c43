using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Sync.Crm;

namespace Alignment.Sync.Writing;

/// <summary>
/// Decides which of the connector's fields to write on one account: only those whose value changed, under the rules
/// of docs/sync.md ("What is written back").
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="AlignmentField.TierLocked"/> is never written, and the tier of a locked account is never changed.</item>
/// <item>A handoff status a human set (<see cref="HandoffStatus.Accepted"/>, <see cref="HandoffStatus.Rejected"/>,
/// <see cref="HandoffStatus.Recycled"/>) is never overwritten, nor are the handoff fields that belong to it (rule,
/// handoff instant, SLA due). Two rules are the exceptions: recycling moves an open (<see cref="HandoffStatus.Pending"/>)
/// handoff to Recycled, and a closed handoff's account may be handed off again after the lifecycle's cool-down (a new
/// Pending handoff with a new handoff instant; <see cref="Core.Handoffs.HandoffLifecycle"/> decides when).</item>
/// <item><see cref="AlignmentField.ScoredAt"/> ("last changed") and <see cref="AlignmentField.ModelVersion"/> are
/// companions: they are written together with a real change of another field (and then only if they differ). A rerun
/// that computes the same values with the same model therefore writes nothing, even though the evaluation instant
/// moved. A different model version is itself a change: an account the connector has scored (it holds a score) whose
/// version is not the model's gets the version and the instant written even when every value is the same — the
/// model-version wave after a model change (docs/sync.md, "Model changes"), so the field always names the model that
/// produced the values.</item>
/// </list>
/// </remarks>
public static class AlignmentDiff
{
    /// <summary>The write that takes <paramref name="current"/> to <paramref name="wanted"/>, or null when nothing changed.</summary>
    public static AccountWrite? Compute(string accountId, AlignmentState current, AlignmentState wanted)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(wanted);

        var fields = new HashSet<AlignmentField>();
        Add(fields, AlignmentField.Score, current.Score != wanted.Score);
        Add(fields, AlignmentField.FitScore, current.Fit != wanted.Fit);
        Add(fields, AlignmentField.IntentScore, current.Intent != wanted.Intent);
        Add(fields, AlignmentField.EngagementScore, current.Engagement != wanted.Engagement);
        Add(fields, AlignmentField.Tier, !current.TierLocked && current.Tier != wanted.Tier);
        // No reasons is one value: Salesforce stores an empty text as null (and HubSpot may answer ""), so "" and null
        // are the same here, or an account without reasons would be written on every run.
        Add(fields, AlignmentField.ScoreReasons, !string.Equals(current.Reasons ?? "", wanted.Reasons ?? "", StringComparison.Ordinal));
        Add(fields, AlignmentField.ReviewDue, current.ReviewDue != wanted.ReviewDue);

        if (HandoffWritable(current, wanted))
        {
            Add(fields, AlignmentField.HandoffStatus, current.HandoffStatus != wanted.HandoffStatus);
            Add(fields, AlignmentField.HandoffRule, !string.Equals(current.HandoffRule, wanted.HandoffRule, StringComparison.Ordinal));
            Add(fields, AlignmentField.HandoffAt, current.HandoffAt != wanted.HandoffAt);
            Add(fields, AlignmentField.SlaDue, current.SlaDue != wanted.SlaDue);
            Add(fields, AlignmentField.SlaStatus, current.SlaStatus != wanted.SlaStatus);
            Add(fields, AlignmentField.FirstResponseAt, current.FirstResponseAt != wanted.FirstResponseAt);
        }

        if (fields.Count == 0 && !(current.Score is not null && wanted.Score is not null
            && !string.Equals(current.ModelVersion, wanted.ModelVersion, StringComparison.Ordinal)))
        {
            return null;
        }

        Add(fields, AlignmentField.ModelVersion, !string.Equals(current.ModelVersion, wanted.ModelVersion, StringComparison.Ordinal));
        Add(fields, AlignmentField.ScoredAt, current.ScoredAt != wanted.ScoredAt);
        return new AccountWrite(accountId, wanted, fields);
    }

    /// <summary>
    /// Whether the handoff group may change. From None or Pending anything goes (Pending → Recycled is the recycle
    /// rule); from any status a new handoff (re-entry, decided by the lifecycle); from Accepted, Rejected or Recycled
    /// nothing else that touches the handoff itself (its SLA status and first response may still be recorded).
    /// </summary>
    private static bool HandoffWritable(AlignmentState current, AlignmentState wanted) =>
        current.HandoffStatus is HandoffStatus.None or HandoffStatus.Pending
        || (wanted.HandoffStatus == HandoffStatus.Pending
            && wanted.HandoffAt is not null && wanted.HandoffAt != current.HandoffAt)
        || (current.HandoffStatus == wanted.HandoffStatus
            && string.Equals(current.HandoffRule, wanted.HandoffRule, StringComparison.Ordinal)
            && current.HandoffAt == wanted.HandoffAt
            && current.SlaDue == wanted.SlaDue);

    private static void Add(HashSet<AlignmentField> fields, AlignmentField field, bool changed)
    {
        if (changed)
        {
            fields.Add(field);
        }
    }
}
