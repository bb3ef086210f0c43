namespace Alignment.Sync.Crm;

/// <summary>
/// The connector's fields on an account (docs/sync.md, "What is written back"). Adapters map each to the configured
/// CRM field name (Salesforce <c>Alignment_Score__c</c>, HubSpot <c>alignment_score</c>, ...).
/// </summary>
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
}
