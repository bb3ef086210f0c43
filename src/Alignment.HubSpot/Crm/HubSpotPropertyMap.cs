using System.Collections.Frozen;
using Alignment.Sync.Crm;

namespace Alignment.HubSpot.Crm;

/// <summary>Connector field → HubSpot company property name (defaults in snake_case, overridable by configuration).</summary>
internal sealed class HubSpotPropertyMap
{
    private readonly FrozenDictionary<AlignmentField, string> _names;

    public HubSpotPropertyMap(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var names = new Dictionary<AlignmentField, string>();
        foreach (var field in Enum.GetValues<AlignmentField>())
        {
            names[field] = overrides is not null && overrides.TryGetValue(field.ToString(), out var name) ? name : DefaultName(field);
        }

        _names = names.ToFrozenDictionary();
    }

    public string this[AlignmentField field] => _names[field];

    public IEnumerable<string> All => _names.Values;

    public static string DefaultName(AlignmentField field) => field switch
    {
        AlignmentField.Score => "alignment_score",
        AlignmentField.FitScore => "alignment_fit_score",
        AlignmentField.IntentScore => "alignment_intent_score",
        AlignmentField.EngagementScore => "alignment_engagement_score",
        AlignmentField.Tier => "alignment_tier",
        AlignmentField.TierLocked => "alignment_tier_locked",
        AlignmentField.ScoreReasons => "alignment_score_reasons",
        AlignmentField.ModelVersion => "alignment_model_version",
        AlignmentField.ScoredAt => "alignment_scored_at",
        AlignmentField.HandoffStatus => "alignment_handoff_status",
        AlignmentField.HandoffRule => "alignment_handoff_rule",
        AlignmentField.HandoffAt => "alignment_handoff_at",
        AlignmentField.SlaDue => "alignment_sla_due",
        AlignmentField.SlaStatus => "alignment_sla_status",
        AlignmentField.FirstResponseAt => "alignment_first_response_at",
        AlignmentField.RejectionReason => "alignment_rejection_reason",
        AlignmentField.WrongTier => "alignment_wrong_tier",
        AlignmentField.TierConfirmedAt => "alignment_tier_confirmed_at",
        AlignmentField.ReviewDue => "alignment_review_due",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown field."),
    };

    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 100 && char.IsAsciiLetterLower(name[0])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
