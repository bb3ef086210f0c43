using System.Collections.Immutable;
using System.Globalization;
using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Signals;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.HubSpot.Wire;
using Alignment.Sync.Crm;

namespace Alignment.HubSpot.Crm;

/// <summary>A HubSpot company (plus its owner and signals) → the domain <see cref="Account"/>.</summary>
internal sealed class HubSpotAccountMapper(HubSpotPropertyMap names, HubSpotOptions options)
{
    /// <summary>The standard company properties read besides the connector's own.</summary>
    public static readonly IReadOnlyList<string> StandardProperties =
        ["name", "numberofemployees", "industry", "annualrevenue", "country", "web_technologies", "hubspot_owner_id", "hs_lastmodifieddate", "hs_object_id"];

    public IReadOnlyList<string> CompanyProperties()
    {
        var properties = new List<string>(StandardProperties);
        properties.AddRange(names.All);
        if (options.Mapping.WebVisitFromCompanyAnalytics)
        {
            properties.Add("hs_analytics_last_visit_timestamp");
        }

        return properties;
    }

    public CrmAccount Map(HubSpotObject company, IReadOnlyDictionary<string, string?> ownerEmails, IReadOnlyList<Signal> signals)
    {
        var ownerId = company.Get("hubspot_owner_id");
        var account = new Account
        {
            Id = company.Id,
            Name = company.Get("name"),
            Employees = HubSpotPropertyValues.ParseInt(company.Get("numberofemployees")),
            Industry = company.Get("industry"),
            AnnualRevenue = HubSpotPropertyValues.ParseDecimal(company.Get("annualrevenue")),
            Country = company.Get("country"),
            Technologies = company.Get("web_technologies") is { } technologies
                ? [.. technologies.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
                : [],
            Owner = ownerId is null
                ? null
                : new Owner(
                    ownerId,
                    ownerEmails.GetValueOrDefault(ownerId),
                    options.OwnerTimeZones.GetValueOrDefault(ownerId) ?? options.DefaultOwnerTimeZone,
                    options.OwnerManagers.GetValueOrDefault(ownerId)),
            Current = State(company),
            Signals = [.. signals],
        };
        var modified = HubSpotPropertyValues.ParseInstant(company.Get("hs_lastmodifieddate")) ?? company.UpdatedAt ?? DateTimeOffset.UnixEpoch;
        var url = options.PortalId is { } portal
            ? new Uri(string.Create(CultureInfo.InvariantCulture, $"https://app.hubspot.com/contacts/{portal}/record/0-2/{company.Id}"))
            : null;
        return new CrmAccount(account, modified, url);
    }

    private AlignmentState State(HubSpotObject c) => new()
    {
        Score = HubSpotPropertyValues.ParseInt(c.Get(names[AlignmentField.Score])),
        Fit = HubSpotPropertyValues.ParseInt(c.Get(names[AlignmentField.FitScore])),
        Intent = HubSpotPropertyValues.ParseInt(c.Get(names[AlignmentField.IntentScore])),
        Engagement = HubSpotPropertyValues.ParseInt(c.Get(names[AlignmentField.EngagementScore])),
        Tier = HubSpotPropertyValues.ParseEnum<Tier>(c.Get(names[AlignmentField.Tier])) ?? Tier.None,
        TierLocked = HubSpotPropertyValues.ParseBool(c.Get(names[AlignmentField.TierLocked])),
        Reasons = c.Get(names[AlignmentField.ScoreReasons]),
        ModelVersion = c.Get(names[AlignmentField.ModelVersion]),
        ScoredAt = HubSpotPropertyValues.ParseInstant(c.Get(names[AlignmentField.ScoredAt])),
        HandoffStatus = HubSpotPropertyValues.ParseEnum<HandoffStatus>(c.Get(names[AlignmentField.HandoffStatus])) ?? HandoffStatus.None,
        HandoffRule = c.Get(names[AlignmentField.HandoffRule]),
        HandoffAt = HubSpotPropertyValues.ParseInstant(c.Get(names[AlignmentField.HandoffAt])),
        SlaDue = HubSpotPropertyValues.ParseInstant(c.Get(names[AlignmentField.SlaDue])),
        SlaStatus = HubSpotPropertyValues.ParseEnum<SlaStatus>(c.Get(names[AlignmentField.SlaStatus])),
        FirstResponseAt = HubSpotPropertyValues.ParseInstant(c.Get(names[AlignmentField.FirstResponseAt])),
        RejectionReason = RejectionReasons.Normalize(c.Get(names[AlignmentField.RejectionReason])),
        WrongTier = HubSpotPropertyValues.ParseBool(c.Get(names[AlignmentField.WrongTier])),
        TierConfirmedAt = HubSpotPropertyValues.ParseInstant(c.Get(names[AlignmentField.TierConfirmedAt])),
        ReviewDue = HubSpotPropertyValues.ParseBool(c.Get(names[AlignmentField.ReviewDue])),
    };
}
