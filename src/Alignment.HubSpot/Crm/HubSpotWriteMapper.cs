using System.Globalization;
using Alignment.Core.Accounts;
using Alignment.Sync.Crm;

namespace Alignment.HubSpot.Crm;

/// <summary>
/// An <see cref="AccountWrite"/> → the HubSpot properties to send: only the changed fields, every value a string
/// (instants ISO-8601 UTC, empty string clears), never a property a person sets (the lock, the rep's feedback).
/// </summary>
internal sealed class HubSpotWriteMapper(HubSpotPropertyMap names)
{
    public Dictionary<string, string> Properties(AccountWrite write)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in write.Fields)
        {
            if (AlignmentFields.IsHumans(field))
            {
                continue; // set by a person only
            }

            properties[names[field]] = Value(field, write.Values);
        }

        return properties;
    }

    public static string Value(AlignmentField field, AlignmentState v) => field switch
    {
        AlignmentField.Score => Number(v.Score),
        AlignmentField.FitScore => Number(v.Fit),
        AlignmentField.IntentScore => Number(v.Intent),
        AlignmentField.EngagementScore => Number(v.Engagement),
        AlignmentField.Tier => v.Tier.ToString(),
        AlignmentField.TierLocked => v.TierLocked ? "true" : "false",
        AlignmentField.ScoreReasons => v.Reasons ?? "",
        AlignmentField.ModelVersion => v.ModelVersion ?? "",
        AlignmentField.ScoredAt => Instant(v.ScoredAt),
        AlignmentField.HandoffStatus => v.HandoffStatus.ToString(),
        AlignmentField.HandoffRule => v.HandoffRule ?? "",
        AlignmentField.HandoffAt => Instant(v.HandoffAt),
        AlignmentField.SlaDue => Instant(v.SlaDue),
        AlignmentField.SlaStatus => v.SlaStatus?.ToString() ?? "",
        AlignmentField.FirstResponseAt => Instant(v.FirstResponseAt),
        AlignmentField.RejectionReason => v.RejectionReason ?? "",
        AlignmentField.WrongTier => v.WrongTier ? "true" : "false",
        AlignmentField.TierConfirmedAt => Instant(v.TierConfirmedAt),
        AlignmentField.ReviewDue => v.ReviewDue ? "true" : "false",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown field."),
    };

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Instant(DateTimeOffset? value) => value is { } v ? HubSpotPropertyValues.FormatInstant(v) : "";
}
