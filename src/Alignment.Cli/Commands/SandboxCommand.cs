using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Alignment.Cli.Output;
using Alignment.Cli.Sandbox;
using Alignment.Hosting;
using Alignment.Sandbox.Azurite;
using Alignment.Sync.Crm;
using Spectre.Console;

namespace Alignment.Cli.Commands;

/// <summary>
/// <c>alignment sandbox [--seed N] [--accounts N] [--write-settings FILE]</c>: starts the Salesforce and HubSpot
/// emulators seeded with a generated org, the Slack sink and Azurite; prints their URLs; Ctrl+C stops everything.
/// </summary>
internal sealed class SandboxCommand : Command
{
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of the generated org (same seed, same org).", DefaultValueFactory = _ => 42 };
    private readonly Option<int> _accounts = new("--accounts") { Description = "Accounts to generate.", DefaultValueFactory = _ => 1000 };
    private readonly Option<FileInfo?> _writeSettings = new("--write-settings") { Description = "Write a local.settings.json pointing the connector at the sandbox (use it with run, plan, sweep, serve --settings FILE)." };
    private readonly Option<string> _crm = new("--crm") { Description = "Master CRM for the written settings: Salesforce or HubSpot.", DefaultValueFactory = _ => "Salesforce" };

    private static readonly JsonSerializerOptions SettingsJson = new() { WriteIndented = true };

    public SandboxCommand()
        : base("sandbox", "Start local emulators of Salesforce and HubSpot (seeded with a realistic generated org), a Slack sink and Azurite. Ctrl+C stops them.")
    {
        _crm.AcceptOnlyFromAmong("Salesforce", "HubSpot");
        CliOptions.AddRange(_accounts, 1, 100_000);
        Options.Add(_seed);
        Options.Add(_accounts);
        Options.Add(_crm);
        Options.Add(_writeSettings);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var console = CliConsole.For(parseResult.InvocationConfiguration.Output);
        var stderr = parseResult.InvocationConfiguration.Error;
        var progress = new Progress<string>(line => stderr.WriteLine(line));
        SandboxEnvironment sandbox;
        try
        {
            sandbox = await SandboxEnvironment.StartAsync(
                new SandboxOptions { Seed = parseResult.GetValue(_seed), AccountCount = parseResult.GetValue(_accounts) }, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (AzuriteNotInstalledException e)
        {
            await stderr.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Cancelled;
        }

        await using (sandbox.ConfigureAwait(false))
        {
            var table = new Table().Title("Sandbox (Ctrl+C stops)").AddColumns("Service", "URL", "Notes");
            table.AddRow("Salesforce emulator", sandbox.Salesforce!.BaseAddress.ToString(), Markup.Escape($"org {sandbox.Salesforce.Options.OrganizationId}, client id {sandbox.Salesforce.Options.ClientId}, JWT user {sandbox.Salesforce.Options.Username}"));
            table.AddRow("HubSpot emulator", sandbox.HubSpot!.BaseAddress.ToString(), Markup.Escape($"token {SandboxEnvironment.HubSpotAccessToken}"));
            table.AddRow("Slack sink", sandbox.Slack.BaseAddress.ToString(), Markup.Escape($"bot token {sandbox.Slack.BotToken}, channel {SandboxEnvironment.AlertChannel}"));
            table.AddRow("Azurite (tables)", sandbox.Azurite!.TableEndpoint.ToString(), "in memory");
            console.Write(table);
            console.MarkupLine(CultureInfo.InvariantCulture, "{0} accounts, {1} owners, seed {2}.", sandbox.Org.Accounts.Count, sandbox.Org.Owners.Count, parseResult.GetValue(_seed));

            if (parseResult.GetValue(_writeSettings) is { } file)
            {
                var choice = Enum.Parse<CrmKind>(parseResult.GetValue(_crm)!);
                var values = sandbox.ConnectorSettings(choice).ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value);
                var document = new { IsEncrypted = false, Values = values };
                await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(document, SettingsJson), cancellationToken).ConfigureAwait(false);
                console.MarkupLine(CultureInfo.InvariantCulture, "Settings for {0} written to [bold]{1}[/]: alignment run --settings {1}", choice, Markup.Escape(file.FullName));
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                console.MarkupLine("Stopping the sandbox...");
            }
        }

        return ExitCodes.Ok;
    }
}
