namespace Alignment.Sync.Alerts;

/// <summary>Alert levels of an open handoff; each is sent at most once per handoff.</summary>
public enum AlertLevel
{
    /// <summary>Heads-up to the owner at 75 % of the window.</summary>
    AtRisk,

    /// <summary>Channel alert mentioning the owner, past due.</summary>
    Breached,

    /// <summary>To the manager / RevOps channel, 4 business hours after the breach, still unanswered.</summary>
    Escalated,
}
