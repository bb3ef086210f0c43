namespace Alignment.Sync.Crm;

/// <summary>The stored names of the <see cref="CrmKind"/> values (what <see cref="ICrm.Name"/> returns for each adapter).</summary>
public static class CrmKinds
{
    /// <summary>Salesforce's stored name: run ids, checkpoints, ledgers, the inbox, the webhook route.</summary>
    public const string SalesforceName = "salesforce";

    /// <summary>HubSpot's stored name.</summary>
    public const string HubSpotName = "hubspot";
}
