using System.CommandLine;

namespace Alignment.Cli.Commands;

/// <summary><c>alignment setup &lt;crm&gt;</c>: provisions the connector's fields in a CRM.</summary>
internal sealed class SetupCommand : Command
{
    public SetupCommand()
        : base("setup", "Create the connector's fields in the CRM (HubSpot: the property group 'alignment' and its company properties).")
    {
        Subcommands.Add(new SetupHubSpotCommand());
    }
}
