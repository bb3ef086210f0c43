namespace Alignment.Core.Sla;

/// <summary>The SLA status of an open handoff.</summary>
public enum SlaStatus
{
    OnTrack,

    /// <summary>At least 75 % of the business-time window has gone, unanswered.</summary>
    AtRisk,

    /// <summary>Past due and unanswered at the due instant; stays Breached even if answered later.</summary>
    Breached,

    /// <summary>Answered by the owner's first SalesTouch at or after the handoff, before the due instant.</summary>
    Met,
}
