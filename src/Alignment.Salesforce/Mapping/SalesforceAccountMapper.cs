using System.Collections.Immutable;
using System.Text.Json;
using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Signals;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.Salesforce.Configuration;

namespace Alignment.Salesforce.Mapping;

/// <summary>Maps an Account record (with the signals read for it) to the domain <see cref="Account"/>.</summary>
internal sealed class SalesforceAccountMapper(SalesforceFieldMap fields)
{
    public Account Map(JsonElement record, ImmutableArray<Signal> signals)
    {
        var ownerId = SalesforceRecord.String(record, "OwnerId");
        return new Account
        {
            Id = SalesforceRecord.String(record, "Id") ?? throw new JsonException("An Account record has no Id."),
            Name = SalesforceRecord.String(record, "Name"),
            Employees = SalesforceRecord.Number(record, "NumberOfEmployees") is { } e ? (int)e : null,
            Industry = SalesforceRecord.String(record, "Industry"),
            AnnualRevenue = SalesforceRecord.Decimal(record, "AnnualRevenue"),
            Country = SalesforceRecord.String(record, fields.Country),
            Technologies = SplitTechnologies(SalesforceRecord.String(record, fields.Technologies)),
            Owner = ownerId is null
                ? null
                : new Owner(
                    ownerId,
                    SalesforceRecord.String(record, "Owner.Email"),
                    SalesforceRecord.String(record, "Owner.TimeZoneSidKey"),
                    SalesforceRecord.String(record, "Owner.ManagerId")),
            Current = MapState(record),
            Signals = signals,
        };
    }

    private AlignmentState MapState(JsonElement r) => new()
    {
        Score = Int(r, fields.Score),
        Fit = Int(r, fields.FitScore),
        Intent = Int(r, fields.IntentScore),
        Engagement = Int(r, fields.EngagementScore),
        Tier = Enum.TryParse<Tier>(SalesforceRecord.String(r, fields.Tier), out var tier) && Enum.IsDefined(tier) ? tier : Tier.None,
        TierLocked = SalesforceRecord.Bool(r, fields.TierLocked),
        Reasons = SalesforceRecord.String(r, fields.ScoreReasons),
        ModelVersion = SalesforceRecord.String(r, fields.ModelVersion),
        ScoredAt = SalesforceRecord.Instant(r, fields.ScoredAt),
        HandoffStatus = Enum.TryParse<HandoffStatus>(SalesforceRecord.String(r, fields.HandoffStatus), out var hs) && Enum.IsDefined(hs) ? hs : HandoffStatus.None,
        HandoffRule = SalesforceRecord.String(r, fields.HandoffRule),
        HandoffAt = SalesforceRecord.Instant(r, fields.HandoffAt),
        SlaDue = SalesforceRecord.Instant(r, fields.SlaDue),
        SlaStatus = Enum.TryParse<SlaStatus>(SalesforceRecord.String(r, fields.SlaStatus), out var sla) && Enum.IsDefined(sla) ? sla : null,
        FirstResponseAt = SalesforceRecord.Instant(r, fields.FirstResponseAt),
        RejectionReason = RejectionReasons.Normalize(SalesforceRecord.String(r, fields.RejectionReason)),
        WrongTier = SalesforceRecord.Bool(r, fields.WrongTier),
        TierConfirmedAt = SalesforceRecord.Instant(r, fields.TierConfirmedAt),
        ReviewDue = SalesforceRecord.Bool(r, fields.ReviewDue),
    };

    private static int? Int(JsonElement r, string field) => SalesforceRecord.Number(r, field) is { } d ? (int)Math.Round(d, MidpointRounding.AwayFromZero) : null;

    private static ImmutableArray<string> SplitTechnologies(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
