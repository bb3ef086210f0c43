using Alignment.Sync.Crm;

namespace Alignment.Salesforce.Configuration;

/// <summary>API names of the Account fields (docs/salesforce.md §1, docs/sync.md "What is written back"); every name is a setting.</summary>
public sealed class SalesforceFieldMap
{
    /// <summary>Multi-select picklist or text (<c>;</c> or <c>,</c> separated) of the account's technologies.</summary>
    public string Technologies { get; set; } = "Alignment_Technologies__c";

    /// <summary>The country field: <c>BillingCountryCode</c> (State and Country picklists on) or <c>BillingCountry</c>.</summary>
    public string Country { get; set; } = "BillingCountryCode";

    public string Score { get; set; } = "Alignment_Score__c";
    public string FitScore { get; set; } = "Alignment_Fit_Score__c";
    public string IntentScore { get; set; } = "Alignment_Intent_Score__c";
    public string EngagementScore { get; set; } = "Alignment_Engagement_Score__c";
    public string Tier { get; set; } = "Alignment_Tier__c";
    public string TierLocked { get; set; } = "Alignment_Tier_Locked__c";
    public string ScoreReasons { get; set; } = "Alignment_Score_Reasons__c";
    public string ModelVersion { get; set; } = "Alignment_Model_Version__c";
    public string ScoredAt { get; set; } = "Alignment_Scored_At__c";
    public string HandoffStatus { get; set; } = "Alignment_Handoff_Status__c";
    public string HandoffRule { get; set; } = "Alignment_Handoff_Rule__c";
    public string HandoffAt { get; set; } = "Alignment_Handoff_At__c";
    public string SlaDue { get; set; } = "Alignment_SLA_Due__c";
    public string SlaStatus { get; set; } = "Alignment_SLA_Status__c";
    public string FirstResponseAt { get; set; } = "Alignment_First_Response_At__c";

    /// <summary>Picklist the rep sets with a Rejected handoff (read only for the integration user).</summary>
    public string RejectionReason { get; set; } = "Alignment_Rejection_Reason__c";

    /// <summary>Checkbox the rep sets when the tier is wrong (read only for the integration user).</summary>
    public string WrongTier { get; set; } = "Alignment_Wrong_Tier__c";

    /// <summary>Date/time a person sets in the weekly tier review (read only for the integration user).</summary>
    public string TierConfirmedAt { get; set; } = "Alignment_Tier_Confirmed_At__c";

    /// <summary>Checkbox the connector writes: the account is on the tier review's list.</summary>
    public string ReviewDue { get; set; } = "Alignment_Review_Due__c";

    /// <summary>The API name of a connector field.</summary>
    public string NameOf(AlignmentField field) => field switch
    {
        AlignmentField.Score => Score,
        AlignmentField.FitScore => FitScore,
        AlignmentField.IntentScore => IntentScore,
        AlignmentField.EngagementScore => EngagementScore,
        AlignmentField.Tier => Tier,
        AlignmentField.TierLocked => TierLocked,
        AlignmentField.ScoreReasons => ScoreReasons,
        AlignmentField.ModelVersion => ModelVersion,
        AlignmentField.ScoredAt => ScoredAt,
        AlignmentField.HandoffStatus => HandoffStatus,
        AlignmentField.HandoffRule => HandoffRule,
        AlignmentField.HandoffAt => HandoffAt,
        AlignmentField.SlaDue => SlaDue,
        AlignmentField.SlaStatus => SlaStatus,
        AlignmentField.FirstResponseAt => FirstResponseAt,
        AlignmentField.RejectionReason => RejectionReason,
        AlignmentField.WrongTier => WrongTier,
        AlignmentField.TierConfirmedAt => TierConfirmedAt,
        AlignmentField.ReviewDue => ReviewDue,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown field."),
    };

    /// <summary>Every configured name with the setting that holds it (for validation and the SELECT list).</summary>
    public IEnumerable<(string Setting, string Name)> All()
    {
        yield return (nameof(Technologies), Technologies);
        yield return (nameof(Country), Country);
        foreach (var field in Enum.GetValues<AlignmentField>())
        {
            yield return (field.ToString(), NameOf(field));
        }
    }
}
