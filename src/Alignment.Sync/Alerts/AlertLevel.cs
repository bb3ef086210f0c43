namespace Alignment.Sync.Alerts;

/// <summary>Kinds of alert; each SLA level and the handoff DM are sent at most once per handoff, a tier-crossing digest once per run.</summary>
public enum AlertLevel
{
    /// <summary>Heads-up to the owner at 75 % of the window.</summary>
    AtRisk,

    /// <summary>Channel alert mentioning the owner, past due.</summary>
    Breached,

    /// <summary>
    /// First escalation, <c>sla.escalateAfterBusinessHours</c> after the deadline, still unanswered: to the owner's
    /// manager when the owner has one (a DM when the manager's Slack user is known), else to the escalation channel.
    /// </summary>
    Escalated,

    /// <summary>A direct message to the owner at handoff time (account, tier, score, reasons, rule, deadline, CRM button).</summary>
    Handoff,

    /// <summary>
    /// Last step of the escalation chain (owner → manager → channel): still unanswered another
    /// <c>sla.escalateAfterBusinessHours</c> after the manager was told; to the escalation channel. Only for owners
    /// with a manager (without one, <see cref="Escalated"/> already went to the channel).
    /// </summary>
    EscalatedToChannel,

    /// <summary>One digest per run to the alert channel listing accounts that crossed a tier upward (Tier 3 → Tier 2, anything → Tier 1), capped.</summary>
    TierCrossings,

    /// <summary>The monthly calibration summary to the alert channel, once per CRM and month (docs/calibration.md).</summary>
    Calibration,

    /// <summary>The weekly scoreboard digest to the alert channel, once per CRM and week (docs/scoreboard.md).</summary>
    WeeklyDigest,
}
