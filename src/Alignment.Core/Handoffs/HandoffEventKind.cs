namespace Alignment.Core.Handoffs;

/// <summary>What can happen to a handoff. Which of them are legal in which status is <see cref="HandoffLifecycle"/>'s table.</summary>
public enum HandoffEventKind
{
    /// <summary>A handoff rule fired (the connector): a new handoff with its instant and SLA due.</summary>
    HandOff,

    /// <summary>The owner's first SalesTouch at or after the handoff: the SLA outcome becomes Met (by the due instant) or Breached.</summary>
    Answer,

    /// <summary>The due instant passed unanswered (the SLA clock): the SLA outcome becomes Breached.</summary>
    Breach,

    /// <summary>A rep accepted the handoff.</summary>
    Accept,

    /// <summary>A rep rejected the handoff (with a reason).</summary>
    Reject,

    /// <summary>A rep sent the account back to nurture.</summary>
    Recycle,

    /// <summary>The recycle window passed unanswered (the SLA clock): back to nurture.</summary>
    RecycleDue,

    /// <summary>RevOps (or a CRM flow) set the status back to None.</summary>
    Reset,
}
