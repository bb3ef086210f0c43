using System.CommandLine;
using System.CommandLine.Invocation;

namespace Alignment.Cli.Commands;

/// <summary>The verbs of <c>alignment</c>, one <c>*Command</c> class each.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create()
    {
        yield return new EvaluateCommand();
        yield return new CalibrateCommand();
        yield return new PlanCommand();
        yield return new RunCommand();
        yield return new SweepCommand();
        yield return new HistoryCommand();
        yield return new ScoreboardCommand();
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

    /// <summary>
    /// Parses <paramref name="args"/> and runs the verb. A command line the parser refused exits with
    /// <see cref="ExitCodes.BadInput"/> and its errors on standard error; standard output stays empty for scripts.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var parseResult = CreateRoot().Parse(args);
        if (parseResult.Action is ParseErrorAction refused)
        {
            // Plain `alignment` shows the verbs; any other refused command line gets its errors and a pointer.
            refused.ShowHelp = args.Length == 0;
        }

        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        if (parseResult.Errors.Count == 0)
        {
            return exitCode;
        }

        if (args.Length > 0)
        {
            await configuration.Error.WriteLineAsync("Run 'alignment --help' or 'alignment <verb> --help' for usage.").ConfigureAwait(false);
        }

        return ExitCodes.BadInput;
    }
}
