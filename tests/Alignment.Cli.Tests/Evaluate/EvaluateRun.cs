using System.CommandLine;
using Alignment.Cli.Commands;

namespace Alignment.Cli.Tests.Evaluate;

/// <summary>Runs <c>alignment evaluate</c> in-process with captured standard output and error.</summary>
internal sealed record EvaluateRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<EvaluateRun> RunAsync(params string[] args)
    {
        var root = new RootCommand("test");
        foreach (var command in CommandCatalog.Create())
        {
            root.Subcommands.Add(command);
        }

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        var exitCode = await root.Parse(["evaluate", .. args]).InvokeAsync(configuration, TestContext.Current.CancellationToken);
        return new EvaluateRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
