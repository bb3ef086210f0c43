using System.CommandLine;

namespace Alignment.Cli.Commands;

/// <summary>The verbs of <c>alignment</c>, one <c>*Command</c> class each.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create()
    {
        yield return new EvaluateCommand();
        yield return new PlanCommand();
        yield return new RunCommand();
        yield return new SweepCommand();
        yield return new ServeCommand();
        yield return new SetupCommand();
        yield return new SandboxCommand();
        yield return new DemoCommand();
    }

    /// <summary>The root command with every verb and the options all verbs share.</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("alignment: score CRM accounts, decide handoffs, track SLAs (admin tool and local runner).");
        root.Options.Add(CliOptions.Settings);
        root.Options.Add(CliOptions.Verbose);
        foreach (var command in Create())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
