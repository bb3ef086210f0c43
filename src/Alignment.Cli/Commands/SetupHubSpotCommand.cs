using System.CommandLine;
using Alignment.Cli.Composition;
using Alignment.Cli.Output;
using Alignment.Hosting.Configuration;
using Alignment.HubSpot;
using Alignment.HubSpot.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Alignment.Cli.Commands;

/// <summary>
/// <c>alignment setup hubspot [--json]</c>: creates the <c>alignment</c> property group and the company properties
/// (idempotent: existing ones are left alone, conflicting ones reported). Needs only the <c>Alignment:HubSpot</c> settings.
/// </summary>
internal sealed class SetupHubSpotCommand : Command
{
    private readonly Option<bool> _json = CliOptions.Json();

    public SetupHubSpotCommand()
        : base("hubspot", "Create the HubSpot property group 'alignment' and the connector's company properties (safe to rerun).")
    {
        Options.Add(_json);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var stderr = parseResult.InvocationConfiguration.Error;
        IConfiguration configuration;
        try
        {
            configuration = CliConfiguration.Build(parseResult.GetValue(CliOptions.Settings));
        }
        catch (SettingsFileException e)
        {
            await stderr.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddHubSpotCrm(configuration);
        var problems = RegisteredOptionsValidator.Validate(services);
        if (problems.Count > 0)
        {
            await stderr.WriteLineAsync(new AlignmentConfigurationException(problems).Message).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var console = CliConsole.For(parseResult.InvocationConfiguration.Output);
        HubSpotPortalSetupResult result;
        try
        {
            result = await ProgressStatus.RunAsync(console, "Creating HubSpot properties and lists...", () => provider.GetRequiredService<HubSpotPortalSetup>().EnsureAsync(cancellationToken)).ConfigureAwait(false);
        }
        catch (HubSpotException e)
        {
            await stderr.WriteLineAsync("HubSpot refused the setup: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        if (parseResult.GetValue(_json))
        {
            await CliJson.WriteAsync(parseResult.InvocationConfiguration.Output, result).ConfigureAwait(false);
        }
        else
        {
            var table = new Table().Title($"HubSpot {Markup.Escape(result.ObjectType)} properties and lists").AddColumns("Kind", "Name", "Outcome", "Detail");
            foreach (var entry in result.Entries)
            {
                table.AddRow(Markup.Escape(entry.Kind), Markup.Escape(entry.Name), entry.Outcome.ToString(), Markup.Escape(entry.Detail ?? ""));
            }

            console.Write(table);
        }

        return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
