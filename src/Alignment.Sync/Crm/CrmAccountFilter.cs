namespace Alignment.Sync.Crm;

/// <summary>Server-side account filters the adapters support.</summary>
public enum CrmAccountFilter
{
    All,

    /// <summary>Accounts whose handoff status field is <c>Pending</c> or <c>Accepted</c> (the SLA sweep's input: accepting does not stop the SLA clock).</summary>
    OpenHandoffs,
}
