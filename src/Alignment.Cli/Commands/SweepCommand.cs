using System.CommandLine;
using System.Globalization;
using Alignment.Cli.Composition;
using Alignment.Cli.Output;
using Alignment.Sync.Sla;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Alignment.Cli.Commands;

/// <summary><c>alignment sweep [--json]</c>: one SLA sweep (statuses, alerts once per handoff and level, recycling).</summary>
internal sealed class SweepCommand : Command
{
    private readonly Option<bool> _json = CliOptions.Json();

    public SweepCommand()
        : base("sweep", "Run one SLA sweep now: update SLA statuses, send due alerts to Slack, recycle unanswered handoffs.")
    {
        Options.Add(_json);
        SetAction((parseResult, cancellationToken) => CommandHost.RunAsync(parseResult, async (services, console, ct) =>
        {
            var job = services.GetRequiredService<SlaSweepJob>();
            var result = await ProgressStatus.RunAsync(console, "Sweeping open handoffs...", () => job.RunAsync(ct)).ConfigureAwait(false);
            if (parseResult.GetValue(_json))
            {
                await CliJson.WriteAsync(parseResult.InvocationConfiguration.Output, result).ConfigureAwait(false);
            }
            else
            {
                console.Write(Render(result));
            }

            return RunExitCodes.For(result.Outcome);
        }, cancellationToken));
    }

    internal static Table Render(SlaSweepResult result)
    {
        var table = new Table().Title($"SLA sweep {Markup.Escape(result.RunId)}").AddColumn("").AddColumn("");
        table.HideHeaders();
        void Row(string name, object? value) => table.AddRow(Markup.Escape(name), Markup.Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "-"));
        Row("Outcome", result.Outcome);
        Row("Open handoffs read", result.Read);
        Row("Changed / written", $"{result.Changed} / {result.Written}");
        Row("Failed writes", result.Failed);
        Row("Recycled", result.Recycled);
        Row("Alerts due / sent", $"{result.AlertsDue} / {result.AlertsSent}");
        Row("Alerts retrying", result.AlertsRetrying);
        Row("Alerts unconfirmed", result.AlertsUnknown.Count);
        Row("Alerts failed", result.AlertsFailed.Count);
        Row("API calls", result.ApiCalls);
        if (result.Error is not null)
        {
            Row("Error", result.Error);
        }

        return table;
    }
}
