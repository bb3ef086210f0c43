using System.CommandLine;
using Alignment.Cli.Commands;
using Alignment.Cli.Output;
using Alignment.Hosting.Configuration;
using Alignment.Hosting.Runs;
using Alignment.Sync.Alerts;
using Alignment.Sync.Crm;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Alignment.Cli.Composition;

/// <summary>
/// Runs a verb that needs the composed connector: reads the configuration, composes, and maps failures to exit codes
/// (configuration → 2 with every problem listed; API budget → 3; Ctrl+C → 130; CRM, storage or Slack failure → 1).
/// </summary>
internal static class CommandHost
{
    public delegate Task<int> Body(IServiceProvider services, IAnsiConsole console, CancellationToken cancellationToken);

    public static async Task<int> RunAsync(
        ParseResult parseResult,
        Body body,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(body);
        var stderr = parseResult.InvocationConfiguration.Error;
        var console = CliConsole.For(parseResult.InvocationConfiguration.Output);
        ServiceProvider provider;
        try
        {
            var configuration = CliConfiguration.Build(parseResult.GetValue(CliOptions.Settings), overrides);
            provider = CliServices.Build(configuration, parseResult.GetValue(CliOptions.Verbose), configure);
        }
        catch (AlignmentConfigurationException e)
        {
            await stderr.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (SettingsFileException e)
        {
            await stderr.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        await using (provider.ConfigureAwait(false))
        {
            try
            {
                return await body(provider, console, cancellationToken).ConfigureAwait(false);
            }
            catch (CrmBudgetExhaustedException e)
            {
                await stderr.WriteLineAsync("Stopped at the CRM's API budget: " + e.Message).ConfigureAwait(false);
                return ExitCodes.BudgetExhausted;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await stderr.WriteLineAsync("Stopped.").ConfigureAwait(false);
                return ExitCodes.Cancelled;
            }
            catch (Exception e) when (e is CrmException or AlertDeliveryException or RequestFailedException or HttpRequestException or RunFailedException or InvalidOperationException)
            {
                await stderr.WriteLineAsync($"Failed ({e.GetType().Name}): {e.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        }
    }
}
