using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.Sync.Alerts;
using Alignment.Sync.Crm;
using Alignment.Sync.Scoring;

namespace Alignment.Sync.Sla;

/// <summary>Assesses an open handoff with the SLA clock: the fields to hold and the alerts due. Shared by the sweep and the plan.</summary>
public sealed class SlaPlanner(AlignmentRules rules)
{
    /// <summary>The SLA plan of <paramref name="current"/> (the account's state, or a wanted one); null when no handoff is open.</summary>
    public SlaPlan? Plan(CrmAccount source, AlignmentState current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(current);
        var account = source.Account;
        if (current.HandoffStatus != HandoffStatus.Pending || current.HandoffAt is not { } handoffAt)
        {
            return null;
        }

        var due = current.SlaDue is { } d && d >= handoffAt ? d : (DateTimeOffset?)null;
        var tierAtHandoff = current.HandoffTier is { } t && t != Tier.None ? t : (Tier?)null;
        var assessment = rules.Sla.Assess(new OpenHandoff(handoffAt, tierAtHandoff, due), account.Signals, account.Owner?.TimeZone, now);
        var wanted = current with
        {
            SlaDue = assessment.Due,
            SlaStatus = assessment.Status,
            FirstResponseAt = assessment.FirstResponseAt,
            HandoffStatus = assessment.Recycle ? HandoffStatus.Recycled : current.HandoffStatus,
        };

        var alerts = assessment.AlertKeys(account.Id)
            .Select(key => new Alert
            {
                Key = key.ToString(),
                Level = ToLevel(key.Level),
                AccountId = account.Id,
                AccountName = account.Name,
                AccountUrl = source.Url,
                Tier = current.Tier,
                Score = current.Score,
                Reasons = current.Reasons,
                HandoffRule = current.HandoffRule ?? "unknown",
                HandoffAt = handoffAt,
                SlaDue = assessment.Due,
                Owner = account.Owner,
            })
            .ToList();
        return new SlaPlan(wanted, alerts, assessment.Recycle, assessment.TimeZoneProblem is not null);
    }

    private static AlertLevel ToLevel(SlaAlertLevel level) => level switch
    {
        SlaAlertLevel.AtRisk => AlertLevel.AtRisk,
        SlaAlertLevel.Breached => AlertLevel.Breached,
        SlaAlertLevel.Escalated => AlertLevel.Escalated,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown alert level."),
    };
}
