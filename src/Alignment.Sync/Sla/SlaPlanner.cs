using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.Sync.Alerts;
using Alignment.Sync.Crm;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Microsoft.Extensions.Options;

namespace Alignment.Sync.Sla;

/// <summary>
/// Assesses an open handoff with the SLA clock: the fields to hold and the alerts due. Shared by the sweep and the plan.
/// A handoff is open while its status is <see cref="HandoffStatus.Pending"/> or <see cref="HandoffStatus.Accepted"/>:
/// accepting a handoff does not stop its SLA clock, only the owner's first SalesTouch answers it. Recycling is the
/// lifecycle's <see cref="HandoffEventKind.RecycleDue"/> transition (legal only from an unanswered Pending handoff:
/// a rep's Accepted is never overwritten). docs/handoff-sla.md, "Lifecycle".
/// </summary>
public sealed class SlaPlanner(AlignmentRules rules, IOptions<SyncOptions>? options = null)
{
    private readonly bool _escalationChain = options?.Value.EscalationChain ?? false;

    /// <summary>The SLA plan of <paramref name="current"/> (the account's state, or a wanted one); null when no handoff is open.</summary>
    public SlaPlan? Plan(CrmAccount source, AlignmentState current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(current);
        var account = source.Account;
        if (current.HandoffStatus is not (HandoffStatus.Pending or HandoffStatus.Accepted) || current.HandoffAt is not { } handoffAt)
        {
            return null;
        }

        var due = current.SlaDue is { } d && d >= handoffAt ? d : (DateTimeOffset?)null;
        var tierAtHandoff = current.HandoffTier is { } t && t != Tier.None ? t : (Tier?)null;
        var assessment = rules.Sla.Assess(new OpenHandoff(handoffAt, tierAtHandoff, due), account.Signals, account.Owner?.TimeZone, now);
        var recycle = assessment.Recycle
            && rules.Handoffs.Lifecycle.Apply(HandoffLifecycleState.From(current), new HandoffEvent(HandoffEventKind.RecycleDue, now)).IsAllowed;
        var wanted = current with
        {
            SlaDue = assessment.Due,
            SlaStatus = assessment.Status,
            FirstResponseAt = assessment.FirstResponseAt,
            HandoffStatus = recycle ? HandoffStatus.Recycled : current.HandoffStatus,
        };

        var alerts = assessment.AlertKeys(account.Id)
            .Select(key => new Alert
            {
                EscalateAfterBusinessHours = key.Level == SlaAlertLevel.Escalated ? rules.Sla.Policy.EscalateAfter.TotalHours : null,
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
        if (_escalationChain && assessment.AlertsDue.Contains(SlaAlertLevel.Escalated) && account.Owner?.ManagerId is not null)
        {
            // The escalation chain: owner (at risk, breach) → manager (Escalated) → escalation channel, another
            // escalateAfterBusinessHours later in the owner's calendar.
            var calendar = rules.Sla.CalendarFor(account.Owner.TimeZone, out _);
            var channelAt = calendar.AddBusinessTime(assessment.EscalateAt, rules.Sla.Policy.EscalateAfter);
            if (now >= channelAt)
            {
                var escalated = alerts.Single(a => a.Level == AlertLevel.Escalated);
                alerts.Add(escalated with
                {
                    Key = new SlaAlertKey(account.Id, handoffAt, SlaAlertLevel.Escalated) + "ToChannel",
                    Level = AlertLevel.EscalatedToChannel,
                    EscalateAfterBusinessHours = 2 * rules.Sla.Policy.EscalateAfter.TotalHours,
                });
            }
        }

        if (HandoffMessageDue(current, assessment, now))
        {
            // A handoff decided by the inbox drain (webhooks) gets its DM here, from the next sweep; the scoring run
            // records its own at once. The same key makes it one DM whichever job records it first.
            alerts.Add(new Alert
            {
                Key = Handoffs.HandoffAnnouncer.HandoffKey(account.Id, handoffAt),
                Level = AlertLevel.Handoff,
                AccountId = account.Id,
                AccountName = account.Name,
                AccountUrl = source.Url,
                Tier = current.HandoffTier ?? current.Tier,
                Score = current.Score,
                Reasons = current.Reasons,
                HandoffRule = current.HandoffRule ?? "unknown",
                HandoffAt = handoffAt,
                SlaDue = assessment.Due,
                Owner = account.Owner,
            });
        }

        return new SlaPlan(wanted, alerts, recycle, assessment.TimeZoneProblem is not null);
    }

    /// <summary>How long after a handoff the sweep still sends its DM when no job recorded it (a fresh, unanswered, on-track Pending handoff).</summary>
    public static readonly TimeSpan HandoffMessageWindow = TimeSpan.FromHours(1);

    private static bool HandoffMessageDue(AlignmentState current, SlaAssessment assessment, DateTimeOffset now) =>
        current.HandoffStatus == HandoffStatus.Pending
        && assessment.Status == SlaStatus.OnTrack
        && assessment.FirstResponseAt is null
        && now - assessment.HandoffAt < HandoffMessageWindow;

    private static AlertLevel ToLevel(SlaAlertLevel level) => level switch
    {
        SlaAlertLevel.AtRisk => AlertLevel.AtRisk,
        SlaAlertLevel.Breached => AlertLevel.Breached,
        SlaAlertLevel.Escalated => AlertLevel.Escalated,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown alert level."),
    };
}
