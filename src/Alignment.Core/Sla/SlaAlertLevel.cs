namespace Alignment.Core.Sla;

/// <summary>The alerts an open handoff can raise, in the order they come due.</summary>
public enum SlaAlertLevel
{
    /// <summary>Heads-up to the owner: the SLA is at risk.</summary>
    AtRisk,

    /// <summary>Channel alert mentioning the owner: the SLA is breached.</summary>
    Breached,

    /// <summary>To the manager / RevOps channel: still unanswered some business hours after the breach.</summary>
    Escalated,
}
