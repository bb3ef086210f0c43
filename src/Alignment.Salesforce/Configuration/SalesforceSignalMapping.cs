using Alignment.Core.Signals;

namespace Alignment.Salesforce.Configuration;

/// <summary>How CRM records become signals. docs/salesforce.md lists the defaults.</summary>
public sealed class SalesforceSignalMapping
{
    /// <summary>Task/Event rules, first match wins; empty uses <see cref="DefaultActivityRules"/>.</summary>
    public List<SalesforceSignalRule> ActivityRules { get; set; } = [];

    /// <summary>Reads CampaignMember records of the account's contacts.</summary>
    public bool CampaignMembers { get; set; } = true;

    /// <summary>CampaignMember <c>Status</c> → kind (case-insensitive); empty uses <see cref="DefaultCampaignMemberStatuses"/>.</summary>
    public Dictionary<string, SignalKind> CampaignMemberStatuses { get; set; } = [];

    public SalesforceIntentObjectOptions IntentObject { get; set; } = new();

    /// <summary>
    /// Reads the job title of each signal's contact so that it has a seniority for buying-committee rules
    /// (docs/salesforce.md): one more column on the activity queries (<c>Who.Title</c> on Tasks and Events,
    /// <c>Contact.Title</c> on campaign members), no query of its own. Off: no signal has a seniority and a rule with
    /// <c>minSeniority</c> never matches.
    /// </summary>
    public bool ContactTitles { get; set; } = true;

    /// <summary>The default activity rules (documented in docs/salesforce.md).</summary>
    public static IReadOnlyList<SalesforceSignalRule> DefaultActivityRules { get; } =
    [
        SalesforceSignalRule.Of("Any", SignalKind.SalesTouch, types: ["Call", "Email", "Meeting"], owner: true),
        SalesforceSignalRule.Of("Task", SignalKind.EmailReply, subject: "^(?i:re):\\s*(?<subject>.*)$"),
        SalesforceSignalRule.Of("Task", SignalKind.CallConnected, subject: "(?i)connected", types: ["Call"]),
        SalesforceSignalRule.Of("Event", SignalKind.DemoAttended, subject: "(?i)\\bdemo\\b"),
        SalesforceSignalRule.Of("Event", SignalKind.MeetingBooked),
        SalesforceSignalRule.Of("Task", SignalKind.PricingPageView, subject: "^(?i:pricing page)"),
        SalesforceSignalRule.Of("Task", SignalKind.WebVisit, subject: "^(?i:web visit)"),
        SalesforceSignalRule.Of("Task", SignalKind.ContentDownload, subject: "^(?i:content download)"),
        SalesforceSignalRule.Of("Task", SignalKind.AdClick, subject: "^(?i:ad click)"),
        SalesforceSignalRule.Of("Task", SignalKind.EmailOpen, subject: "^(?i:email opened?):\\s*(?<subject>.*)$"),
        SalesforceSignalRule.Of("Task", SignalKind.EmailClick, subject: "^(?i:email click(ed)?):\\s*(?<subject>.*)$"),
        SalesforceSignalRule.Of("Task", SignalKind.FormSubmit, subject: "^(?i:form submi)"),
    ];

    /// <summary>The default CampaignMember statuses.</summary>
    public static IReadOnlyDictionary<string, SignalKind> DefaultCampaignMemberStatuses { get; } =
        new Dictionary<string, SignalKind>(StringComparer.OrdinalIgnoreCase)
        {
            ["Opened"] = SignalKind.EmailOpen,
            ["Clicked"] = SignalKind.EmailClick,
            ["Responded"] = SignalKind.FormSubmit,
            ["Registered"] = SignalKind.FormSubmit,
            ["Attended"] = SignalKind.DemoAttended,
        };

    internal IReadOnlyList<SalesforceSignalRule> EffectiveActivityRules =>
        ActivityRules.Count > 0 ? ActivityRules : DefaultActivityRules;

    internal IReadOnlyDictionary<string, SignalKind> EffectiveCampaignMemberStatuses =>
        CampaignMemberStatuses.Count > 0
            ? new Dictionary<string, SignalKind>(CampaignMemberStatuses, StringComparer.OrdinalIgnoreCase)
            : DefaultCampaignMemberStatuses;
}
