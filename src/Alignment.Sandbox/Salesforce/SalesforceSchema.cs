namespace Alignment.Sandbox.Salesforce;

/// <summary>The objects, columns, child relationships and restricted picklists of the emulated org.</summary>
internal static class SalesforceSchema
{
    public const string Technologies = "Alignment_Technologies__c";
    public const string Score = "Alignment_Score__c";
    public const string Fit = "Alignment_Fit_Score__c";
    public const string Intent = "Alignment_Intent_Score__c";
    public const string Engagement = "Alignment_Engagement_Score__c";
    public const string Tier = "Alignment_Tier__c";
    public const string TierLocked = "Alignment_Tier_Locked__c";
    public const string Reasons = "Alignment_Score_Reasons__c";
    public const string ModelVersion = "Alignment_Model_Version__c";
    public const string ScoredAt = "Alignment_Scored_At__c";
    public const string HandoffStatus = "Alignment_Handoff_Status__c";
    public const string HandoffRule = "Alignment_Handoff_Rule__c";
    public const string HandoffAt = "Alignment_Handoff_At__c";
    public const string SlaDue = "Alignment_SLA_Due__c";
    public const string SlaStatus = "Alignment_SLA_Status__c";
    public const string FirstResponseAt = "Alignment_First_Response_At__c";
    public const string RejectionReason = "Alignment_Rejection_Reason__c";
    public const string WrongTier = "Alignment_Wrong_Tier__c";
    public const string TierConfirmedAt = "Alignment_Tier_Confirmed_At__c";
    public const string ReviewDue = "Alignment_Review_Due__c";

    public static readonly IReadOnlyDictionary<string, string[]> Picklists = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        [Tier] = ["Tier1", "Tier2", "Tier3", "None"],
        [HandoffStatus] = ["None", "Pending", "Accepted", "Recycled", "Rejected"],
        [SlaStatus] = ["OnTrack", "AtRisk", "Breached", "Met"],
        [RejectionReason] = ["WrongTiming", "WrongContact", "NotIcp", "Duplicate", "Other"],
    };

    /// <summary>Number columns (values are <see cref="decimal"/>); CSV ingest parses them as such.</summary>
    public static readonly IReadOnlySet<string> Numbers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "NumberOfEmployees", "AnnualRevenue", "Amount", "Strength__c", Score, Fit, Intent, Engagement,
    };

    /// <summary>Checkbox columns.</summary>
    public static readonly IReadOnlySet<string> Checkboxes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "IsClosed", "IsWon", "HasResponded", TierLocked, WrongTier, ReviewDue,
    };

    /// <summary>Date/time columns (values are UTC <see cref="DateTimeOffset"/>).</summary>
    public static readonly IReadOnlySet<string> Instants = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "CreatedDate", "LastModifiedDate", "SystemModstamp", "StartDateTime", "EndDateTime", "Occurred_At__c",
        ScoredAt, HandoffAt, SlaDue, FirstResponseAt, TierConfirmedAt,
    };

    public static void Declare(SalesforceStore store, SalesforceEmulatorOptions options)
    {
        string[] system = ["CreatedDate", "LastModifiedDate", "SystemModstamp"];
        store.DeclareType("Account",
        [
            .. system, "Name", "NumberOfEmployees", "Industry", "AnnualRevenue", "BillingCountry", "BillingCountryCode", "OwnerId",
            Technologies, Score, Fit, Intent, Engagement, Tier, TierLocked, Reasons, ModelVersion, ScoredAt, HandoffStatus,
            HandoffRule, HandoffAt, SlaDue, SlaStatus, FirstResponseAt, RejectionReason, WrongTier, TierConfirmedAt, ReviewDue,
        ]);
        store.DeclareType("User", [.. system, "Email", "TimeZoneSidKey", "ManagerId", "Name"]);
        store.DeclareType("Contact", [.. system, "AccountId", "LastName", "Title"]);
        store.DeclareType("Campaign", [.. system, "Name", "Type"]);
        store.DeclareType("Task", [.. system, "WhatId", "AccountId", "WhoId", "OwnerId", "Type", "Subject", "Status", "ActivityDate"]);
        store.DeclareType("Event", [.. system, "WhatId", "AccountId", "WhoId", "OwnerId", "Type", "Subject", "StartDateTime", "EndDateTime"]);
        store.DeclareType("Opportunity", [.. system, "AccountId", "Name", "StageName", "CloseDate", "IsClosed", "IsWon", "Amount"]);
        store.DeclareType("CampaignMember", [.. system, "CampaignId", "ContactId", "LeadId", "Status", "HasResponded"]);
        store.DeclareType(options.IntentObject, [.. system, options.IntentAccountField, "Occurred_At__c", "Topic__c", "Strength__c"]);
        store.DeclareChildRelationship("Tasks", "Task", "WhatId");
        store.DeclareChildRelationship("Events", "Event", "WhatId");
        store.DeclareChildRelationship("Contacts", "Contact", "AccountId");
        store.DeclareChildRelationship("CampaignMembers", "CampaignMember", "ContactId");
        store.DeclareChildRelationship(options.IntentRelationship, options.IntentObject, options.IntentAccountField);
    }
}
