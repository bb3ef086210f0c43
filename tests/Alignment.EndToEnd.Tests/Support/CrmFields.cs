using System.Globalization;
using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.Sandbox.HubSpot;
using Alignment.Sandbox.Salesforce;

namespace Alignment.EndToEnd.Tests.Support;

/// <summary>Reads the connector's fields as the CRM emulator holds them (what a rep would see), as an <see cref="AlignmentState"/>.</summary>
internal static class CrmFields
{
    public static AlignmentState Of(SalesforceEmulator emulator, string accountId)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var f = emulator.GetAccountFields(accountId) ?? throw new InvalidOperationException("Unknown account " + accountId);
        return new AlignmentState
        {
            Score = Int(f["Alignment_Score__c"]),
            Fit = Int(f["Alignment_Fit_Score__c"]),
            Intent = Int(f["Alignment_Intent_Score__c"]),
            Engagement = Int(f["Alignment_Engagement_Score__c"]),
            Tier = Enum<Tier>(f["Alignment_Tier__c"]) ?? Tier.None,
            TierLocked = f["Alignment_Tier_Locked__c"] is true,
            Reasons = f["Alignment_Score_Reasons__c"] as string,
            ModelVersion = f["Alignment_Model_Version__c"] as string,
            ScoredAt = Instant(f["Alignment_Scored_At__c"]),
            HandoffStatus = Enum<HandoffStatus>(f["Alignment_Handoff_Status__c"]) ?? HandoffStatus.None,
            HandoffRule = f["Alignment_Handoff_Rule__c"] as string,
            HandoffAt = Instant(f["Alignment_Handoff_At__c"]),
            SlaDue = Instant(f["Alignment_SLA_Due__c"]),
            SlaStatus = Enum<SlaStatus>(f["Alignment_SLA_Status__c"]),
            FirstResponseAt = Instant(f["Alignment_First_Response_At__c"]),
        };
    }

    public static AlignmentState Of(HubSpotEmulator emulator, string companyId)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var p = emulator.GetCompanyProperties(companyId) ?? throw new InvalidOperationException("Unknown company " + companyId);
        string? Get(string name) => p.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
        return new AlignmentState
        {
            Score = Int(Get("alignment_score")),
            Fit = Int(Get("alignment_fit_score")),
            Intent = Int(Get("alignment_intent_score")),
            Engagement = Int(Get("alignment_engagement_score")),
            Tier = Enum<Tier>(Get("alignment_tier")) ?? Tier.None,
            TierLocked = Get("alignment_tier_locked") == "true",
            Reasons = Get("alignment_score_reasons"),
            ModelVersion = Get("alignment_model_version"),
            ScoredAt = Instant(Get("alignment_scored_at")),
            HandoffStatus = Enum<HandoffStatus>(Get("alignment_handoff_status")) ?? HandoffStatus.None,
            HandoffRule = Get("alignment_handoff_rule"),
            HandoffAt = Instant(Get("alignment_handoff_at")),
            SlaDue = Instant(Get("alignment_sla_due")),
            SlaStatus = Enum<SlaStatus>(Get("alignment_sla_status")),
            FirstResponseAt = Instant(Get("alignment_first_response_at")),
        };
    }

    private static int? Int(object? value) => value switch
    {
        null => null,
        decimal d => (int)d,
        string s => (int)decimal.Parse(s, CultureInfo.InvariantCulture),
        _ => Convert.ToInt32(value, CultureInfo.InvariantCulture),
    };

    private static T? Enum<T>(object? value)
        where T : struct, Enum =>
        value is string s && !string.IsNullOrEmpty(s) ? System.Enum.Parse<T>(s, ignoreCase: true) : null;

    private static DateTimeOffset? Instant(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToUniversalTime(),
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms),
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
        _ => throw new InvalidOperationException("Not an instant: " + value),
    };
}
