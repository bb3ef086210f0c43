using System.CommandLine;
using Alignment.Cli.Demo;
using Alignment.Cli.Output;
using Alignment.Sandbox.Azurite;

namespace Alignment.Cli.Commands;

/// <summary>
/// <c>alignment demo [--seed N] [--accounts N] [--json]</c>: the whole connector end to end on this machine, no
/// credentials (Azurite, Salesforce emulator, Slack sink), a scoring run and a simulated business day of SLA sweeps.
/// </summary>
internal sealed class DemoCommand : Command
{
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of the generated org and of the reps' behaviour.", DefaultValueFactory = _ => 42 };
    private readonly Option<int> _accounts = new("--accounts") { Description = "Accounts to generate.", DefaultValueFactory = _ => 1000 };
    private readonly Option<bool> _json = CliOptions.Json();

    public DemoCommand()
        : base("demo", "Run the connector end to end locally with no credentials: generated org, scoring run, a simulated day of SLA sweeps and Slack alerts.")
    {
        CliOptions.AddRange(_accounts, 1, 20_000);
        Options.Add(_seed);
        Options.Add(_accounts);
        Options.Add(_json);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var stderr = parseResult.InvocationConfiguration.Error;
        var progress = new Progress<string>(line => stderr.WriteLine(line));
        var options = new DemoOptions { Seed = parseResult.GetValue(_seed), AccountCount = parseResult.GetValue(_accounts) };
        DemoReport report;
        try
        {
            report = await new DemoRunner(options, progress).RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AzuriteNotInstalledException e)
        {
            await stderr.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("Stopped; everything the demo started has been shut down.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }

        if (parseResult.GetValue(_json))
        {
            await CliJson.WriteAsync(parseResult.InvocationConfiguration.Output, report).ConfigureAwait(false);
        }
        else
        {
            var console = CliConsole.For(parseResult.InvocationConfiguration.Output);
            if (!console.Profile.Capabilities.Interactive)
            {
                // Written to a file or a pipe: wide enough that the Slack messages and deadlines stay on one line.
                console.Profile.Width = Math.Max(console.Profile.Width, 160);
            }

            DemoReportRenderer.Render(console, report);
        }

        return ExitCodes.Ok;
    }
}
