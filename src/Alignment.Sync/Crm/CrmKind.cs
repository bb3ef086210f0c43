namespace Alignment.Sync.Crm;

/// <summary>
/// The master CRMs the connector talks to (the setting <c>Alignment:Crm</c>, spelled <c>Salesforce</c> or
/// <c>HubSpot</c>). Their stored names — in run ids, checkpoints, ledgers, the inbox and webhook routes — are
/// <see cref="CrmKinds"/>' constants: <c>salesforce</c>, <c>hubspot</c>.
/// </summary>
public enum CrmKind
{
    Salesforce,
    HubSpot,
}
