using System.CommandLine;
using System.Globalization;
using Alignment.Cli.Composition;
using Alignment.Cli.Output;
using Alignment.Cli.Serve;
using Alignment.Hosting.Configuration;
using Alignment.Hosting.Schedules;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Alignment.Cli.Commands;

/// <summary>
/// <c>alignment serve [--port 7071] [--no-timers]</c>: runs the Functions app's timers and webhook routes locally on
/// loopback (for machines without Azure Functions Core Tools). Ctrl+C stops it.
/// </summary>
internal sealed class ServeCommand : Command
{
    private readonly Option<int> _port = new("--port") { Description = "Loopback port (0 picks a free one).", DefaultValueFactory = _ => 7071 };
    private readonly Option<bool> _noTimers = new("--no-timers") { Description = "Serve webhooks and health only; run no timer." };
    private readonly Option<int> _partitionWorkers = new("--partition-workers") { Description = "Workers on the partition queue of a partitioned full rescore (0: none).", DefaultValueFactory = _ => 2 };

    public ServeCommand()
        : base("serve", "Run the connector locally: the Functions app's timers (same schedule settings) and its webhook and health routes on 127.0.0.1.")
    {
        Options.Add(_port);
        Options.Add(_noTimers);
        Options.Add(_partitionWorkers);
        CliOptions.AddRange(_partitionWorkers, 0, 64);
        CliOptions.AddRange(_port, 0, 65535);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var stderr = parseResult.InvocationConfiguration.Error;
        var console = CliConsole.For(parseResult.InvocationConfiguration.Output);
        var options = new LocalServerOptions
        {
            Port = parseResult.GetValue(_port),
            Timers = !parseResult.GetValue(_noTimers),
            Partitions = new PartitionWorkerOptions { Workers = parseResult.GetValue(_partitionWorkers) },
            Verbose = parseResult.GetValue(CliOptions.Verbose),
        };
        IConfiguration configuration;
        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            configuration = CliConfiguration.Build(parseResult.GetValue(CliOptions.Settings));
            app = LocalServer.Build(configuration, options);
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

        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                await stderr.WriteLineAsync($"Cannot listen on 127.0.0.1:{options.Port}: {e.Message} (try --port 0).").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            var address = LocalServer.Address(app);
            console.MarkupLine(CultureInfo.InvariantCulture, "[bold]alignment serve[/] listening on [link]{0}[/] (Ctrl+C stops)", address);
            var routes = new Table().AddColumns("Route", "URL");
            routes.AddRow("HubSpot webhooks", new Uri(address, LocalServer.HubSpotRoute).ToString());
            routes.AddRow("Salesforce webhooks", new Uri(address, LocalServer.SalesforceRoute).ToString());
            routes.AddRow("Health", new Uri(address, LocalServer.HealthRoute).ToString());
            console.Write(routes);
            if (options.Timers)
            {
                var schedules = configuration.GetSection(ScheduleOptions.SectionName).Get<ScheduleOptions>() ?? new ScheduleOptions();
                var timers = new Table().AddColumns("Timer", "Schedule (UTC)", "Next");
                foreach (var job in ScheduledJobs.From(schedules))
                {
                    timers.AddRow(job.Name, job.Expression, job.Schedule.GetNextOccurrence(TimeProvider.System.GetUtcNow())?.ToString("u", CultureInfo.InvariantCulture) ?? "never");
                }

                console.Write(timers);
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                console.MarkupLine("Stopping...");
            }

            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await app.StopAsync(stopping.Token).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
    }
}
