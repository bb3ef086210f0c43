namespace Alignment.Hosting;

/// <summary>The master CRM (<c>Alignment:Crm</c>).</summary>
public enum CrmChoice
{
    Salesforce,
    HubSpot,
}
