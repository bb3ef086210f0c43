namespace Alignment.Sync.Alerts;

/// <summary>Kinds of alert; each SLA level and the handoff DM are sent at most once per handoff, a tier-crossing digest once per run.</summary>
public enum AlertLevel
{
    /// <summary>Heads-up to the owner at 75 % of the window.</summary>
    AtRisk,

    /// <summary>Channel alert mentioning the owner, past due.</summary>
    Breached,

    /// <summary>To the manager / RevOps channel, <c>sla.escalateAfterBusinessHours</c> after the breach, still unanswered.</summary>
    Escalated,

    /// <summary>A direct message to the owner at handoff time (account, tier, score, reasons, rule, deadline, CRM button).</summary>
    Handoff,

    /// <summary>One digest per run to the alert channel listing accounts that crossed a tier upward (Tier 3 → Tier 2, anything → Tier 1), capped.</summary>
    TierCrossings,
}
