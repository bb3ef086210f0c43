namespace Alignment.Sync.Crm;

/// <summary>Facts about <see cref="AlignmentField"/>s.</summary>
public static class AlignmentFields
{
    /// <summary>
    /// The fields a person sets and the connector only reads, never writes: the tier lock and the rep's feedback
    /// (rejection reason, wrong-tier flag) and the tier review's confirmation. The integration user has read-only access to them (infra/).
    /// </summary>
    public static bool IsHumans(AlignmentField field) =>
        field is AlignmentField.TierLocked or AlignmentField.RejectionReason or AlignmentField.WrongTier
            or AlignmentField.TierConfirmedAt;
}
