using Alignment.Sync.Crm;
namespace Alignment.Hosting;

/// <summary>The top-level choices of a deployment: which CRM, state store and alert channel the hosts compose.</summary>
public sealed class AlignmentOptions
{
    public const string SectionName = "Alignment";

    public const string CrmKey = SectionName + ":" + nameof(Crm);
    public const string StateStoreKey = SectionName + ":" + nameof(StateStore);
    public const string AlertChannelKey = SectionName + ":" + nameof(AlertChannel);

    /// <summary>Required: <c>Salesforce</c> or <c>HubSpot</c>.</summary>
    public CrmKind Crm { get; set; }

    /// <summary>Default <c>Tables</c> (the only store).</summary>
    public StateChoice StateStore { get; set; } = StateChoice.Tables;

    /// <summary>Default <c>Slack</c> (the only channel).</summary>
    public AlertChoice AlertChannel { get; set; } = AlertChoice.Slack;
}
