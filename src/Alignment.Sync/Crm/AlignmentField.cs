namespace Alignment.Sync.Crm;

/// <summary>
/// The connector's fields on an account (docs/sync.md, "What is written back"). Adapters map each to the configured
/// CRM field name (Salesforce <c>Alignment_Score__c</c>, HubSpot <c>alignment_score</c>, ...).
/// </summary>
/// <remarks><see cref="AlignmentFields.IsHumans"/> names the fields a person sets and the connector only reads.</remarks>
public enum AlignmentField
{
    Score,
    FitScore,
    IntentScore,
    EngagementScore,
    Tier,
    TierLocked,
    ScoreReasons,
    ModelVersion,
    ScoredAt,
    HandoffStatus,
    HandoffRule,
    HandoffAt,
    SlaDue,
    SlaStatus,
    FirstResponseAt,

    /// <summary>Set by the rep (read only, like <see cref="TierLocked"/>): why a handoff was rejected.</summary>
    RejectionReason,

    /// <summary>Set by the rep (read only): the rep disagrees with the tier.</summary>
    WrongTier,

    /// <summary>Set by a person in the weekly tier review (read only): when the tier was last confirmed.</summary>
    TierConfirmedAt,

    /// <summary>Written by the connector: the account is on the weekly tier review's list.</summary>
    ReviewDue,
}
