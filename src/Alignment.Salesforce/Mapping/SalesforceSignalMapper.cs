using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alignment.Core.Signals;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Soql;

namespace Alignment.Salesforce.Mapping;

/// <summary>
/// Turns Task, Event, CampaignMember and intent records into signals per the configured mapping. An activity's signal
/// subject is the named group <c>subject</c> of the matching rule's pattern (none without one); a CampaignMember's is
/// the campaign name.
/// </summary>
internal sealed class SalesforceSignalMapper
{
    private readonly IReadOnlyList<(SalesforceSignalRule Rule, Regex? Subject, HashSet<string> Types)> _rules;
    private readonly IReadOnlyDictionary<string, SignalKind> _statuses;
    private readonly SalesforceIntentObjectOptions _intent;

    public SalesforceSignalMapper(SalesforceSignalMapping mapping)
    {
        _rules = [.. mapping.EffectiveActivityRules.Select(r => (
            r,
            r.SubjectPattern is null ? null : new Regex(r.SubjectPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
            new HashSet<string>(r.Types, StringComparer.OrdinalIgnoreCase)))];
        _statuses = mapping.EffectiveCampaignMemberStatuses;
        _intent = mapping.IntentObject;
    }

    /// <summary>A Task (<c>CreatedDate</c>) or Event (<c>StartDateTime</c>); null when no rule matches.</summary>
    public Signal? FromActivity(string objectType, JsonElement record, string? accountOwnerId)
    {
        var at = SalesforceRecord.Instant(record, objectType == "Event" ? "StartDateTime" : "CreatedDate");
        if (at is null)
        {
            return null;
        }

        var type = SalesforceRecord.String(record, "Type");
        var subject = SalesforceRecord.String(record, "Subject");
        var ownedByAccountOwner = accountOwnerId is not null && SalesforceRecord.String(record, "OwnerId") == accountOwnerId;
        foreach (var (rule, pattern, types) in _rules)
        {
            if (rule.Object != "Any" && rule.Object != objectType)
            {
                continue;
            }

            if ((types.Count > 0 && (type is null || !types.Contains(type)))
                || (rule.OwnedByAccountOwner is { } owned && owned != ownedByAccountOwner))
            {
                continue;
            }

            string? signalSubject = null;
            if (pattern is not null)
            {
                var match = pattern.Match(subject ?? "");
                if (!match.Success)
                {
                    continue;
                }

                if (match.Groups["subject"] is { Success: true, Length: > 0 } g)
                {
                    signalSubject = g.Value;
                }
            }

            var contactId = ContactOf(SalesforceRecord.String(record, "WhoId"));
            return new Signal(rule.Kind, at.Value, contactId, signalSubject,
                Seniority: contactId is null ? null : SeniorityTitles.Classify(SalesforceRecord.String(record, SalesforceQueryBuilder.WhoTitle)));
        }

        return null;
    }

    /// <summary>A CampaignMember whose <c>Status</c> is mapped; subject = the campaign's name.</summary>
    public Signal? FromCampaignMember(JsonElement record)
    {
        var status = SalesforceRecord.String(record, "Status");
        var at = SalesforceRecord.Instant(record, "CreatedDate");
        return status is not null && at is not null && _statuses.TryGetValue(status, out var kind)
            ? new Signal(kind, at.Value, SalesforceRecord.String(record, "ContactId"), SalesforceRecord.String(record, "Campaign.Name"),
                Seniority: SeniorityTitles.Classify(SalesforceRecord.String(record, SalesforceQueryBuilder.ContactTitle)))
            : null;
    }

    /// <summary>An intent object record → <c>ThirdPartyIntent</c> with topic and strength in [0, 1].</summary>
    public Signal? FromIntent(JsonElement record)
    {
        var at = SalesforceRecord.Instant(record, _intent.OccurredAtField) ?? SalesforceRecord.Instant(record, "CreatedDate");
        if (at is null)
        {
            return null;
        }

        var raw = SalesforceRecord.Number(record, _intent.StrengthField);
        double? strength = raw is null ? null : Math.Clamp(raw.Value / _intent.StrengthScale, 0, 1);
        return new Signal(SignalKind.ThirdPartyIntent, at.Value, Topic: SalesforceRecord.String(record, _intent.TopicField), Strength: strength);
    }

    private static string? ContactOf(string? whoId) => whoId is not null && whoId.StartsWith("003", StringComparison.Ordinal) ? whoId : null;
}
