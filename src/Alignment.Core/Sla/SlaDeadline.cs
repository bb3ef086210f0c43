using Alignment.Core.Calendar;

namespace Alignment.Core.Sla;

/// <summary>How the SLA deadline of a handoff is set, given the owner's business calendar.</summary>
public abstract record SlaDeadline
{
    /// <summary>
    /// The due instant of a handoff at <paramref name="handoffAt"/>: never earlier than it, always within business
    /// hours of <paramref name="calendar"/> (a closing instant counts as within).
    /// </summary>
    public abstract DateTimeOffset DueAt(BusinessCalendar calendar, DateTimeOffset handoffAt);
}
