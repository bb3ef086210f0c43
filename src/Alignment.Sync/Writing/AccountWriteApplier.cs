using Alignment.Core.Accounts;
using Alignment.Sync.Crm;

namespace Alignment.Sync.Writing;

/// <summary>What a CRM holds after an <see cref="AccountWrite"/>: the named fields taken from the write, the rest kept.</summary>
public static class AccountWriteApplier
{
    public static AlignmentState Apply(AlignmentState current, AccountWrite write)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(write);

        var v = write.Values;
        var f = write.Fields;
        return current with
        {
            Score = f.Contains(AlignmentField.Score) ? v.Score : current.Score,
            Fit = f.Contains(AlignmentField.FitScore) ? v.Fit : current.Fit,
            Intent = f.Contains(AlignmentField.IntentScore) ? v.Intent : current.Intent,
            Engagement = f.Contains(AlignmentField.EngagementScore) ? v.Engagement : current.Engagement,
            Tier = f.Contains(AlignmentField.Tier) ? v.Tier : current.Tier,
            TierLocked = f.Contains(AlignmentField.TierLocked) ? v.TierLocked : current.TierLocked,
            Reasons = f.Contains(AlignmentField.ScoreReasons) ? v.Reasons : current.Reasons,
            ModelVersion = f.Contains(AlignmentField.ModelVersion) ? v.ModelVersion : current.ModelVersion,
            ScoredAt = f.Contains(AlignmentField.ScoredAt) ? v.ScoredAt : current.ScoredAt,
            HandoffStatus = f.Contains(AlignmentField.HandoffStatus) ? v.HandoffStatus : current.HandoffStatus,
            HandoffRule = f.Contains(AlignmentField.HandoffRule) ? v.HandoffRule : current.HandoffRule,
            HandoffAt = f.Contains(AlignmentField.HandoffAt) ? v.HandoffAt : current.HandoffAt,
            SlaDue = f.Contains(AlignmentField.SlaDue) ? v.SlaDue : current.SlaDue,
            SlaStatus = f.Contains(AlignmentField.SlaStatus) ? v.SlaStatus : current.SlaStatus,
            FirstResponseAt = f.Contains(AlignmentField.FirstResponseAt) ? v.FirstResponseAt : current.FirstResponseAt,
            RejectionReason = f.Contains(AlignmentField.RejectionReason) ? v.RejectionReason : current.RejectionReason,
            WrongTier = f.Contains(AlignmentField.WrongTier) ? v.WrongTier : current.WrongTier,
            TierConfirmedAt = f.Contains(AlignmentField.TierConfirmedAt) ? v.TierConfirmedAt : current.TierConfirmedAt,
            ReviewDue = f.Contains(AlignmentField.ReviewDue) ? v.ReviewDue : current.ReviewDue,
        };
    }

    /// <summary>The value of one field as text, for plans and logs (instants as ISO-8601 UTC).</summary>
    public static string? Format(AlignmentState state, AlignmentField field)
    {
        ArgumentNullException.ThrowIfNull(state);
        return field switch
        {
            AlignmentField.Score => Text(state.Score),
            AlignmentField.FitScore => Text(state.Fit),
            AlignmentField.IntentScore => Text(state.Intent),
            AlignmentField.EngagementScore => Text(state.Engagement),
            AlignmentField.Tier => state.Tier.ToString(),
            AlignmentField.TierLocked => state.TierLocked ? "true" : "false",
            AlignmentField.ScoreReasons => state.Reasons,
            AlignmentField.ModelVersion => state.ModelVersion,
            AlignmentField.ScoredAt => Text(state.ScoredAt),
            AlignmentField.HandoffStatus => state.HandoffStatus.ToString(),
            AlignmentField.HandoffRule => state.HandoffRule,
            AlignmentField.HandoffAt => Text(state.HandoffAt),
            AlignmentField.SlaDue => Text(state.SlaDue),
            AlignmentField.SlaStatus => state.SlaStatus?.ToString(),
            AlignmentField.FirstResponseAt => Text(state.FirstResponseAt),
            AlignmentField.RejectionReason => state.RejectionReason,
            AlignmentField.WrongTier => state.WrongTier ? "true" : "false",
            AlignmentField.TierConfirmedAt => Text(state.TierConfirmedAt),
            AlignmentField.ReviewDue => state.ReviewDue ? "true" : "false",
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown field."),
        };
    }

    private static string? Text(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? Text(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", System.Globalization.CultureInfo.InvariantCulture);
}
