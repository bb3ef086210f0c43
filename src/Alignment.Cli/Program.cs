using System.CommandLine;
using Alignment.Cli.Commands;

var root = new RootCommand("alignment: score CRM accounts, decide handoffs, track SLAs (admin tool and local runner).");
foreach (var command in CommandCatalog.Create())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
