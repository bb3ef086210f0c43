using System.CommandLine;
using System.Globalization;
using Alignment.Cli.Composition;
using Alignment.Cli.Output;
using Alignment.Sync.Runs;
using Alignment.Sync.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Alignment.Cli.Commands;

/// <summary><c>alignment run [--full] [--json]</c>: one scoring run against the configured CRM (writes changed fields).</summary>
internal sealed class RunCommand : Command
{
    private readonly Option<bool> _full = new("--full") { Description = "Rescore every account, not only those changed since the checkpoint." };
    private readonly Option<bool> _json = CliOptions.Json();

    public RunCommand()
        : base("run", "Run one scoring run now: read accounts, score, decide handoffs, write changed fields to the CRM.")
    {
        Options.Add(_full);
        Options.Add(_json);
        SetAction((parseResult, cancellationToken) => CommandHost.RunAsync(parseResult, async (services, console, ct) =>
        {
            var job = services.GetRequiredService<ScoringRunJob>();
            var result = await ProgressStatus.RunAsync(console, "Scoring accounts...", () => job.RunAsync(new ScoringRunRequest(parseResult.GetValue(_full)), ct)).ConfigureAwait(false);
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

    internal static Table Render(ScoringRunResult result)
    {
        var table = new Table().Title($"Scoring run {Markup.Escape(result.RunId)}").AddColumn("").AddColumn("");
        table.HideHeaders();
        void Row(string name, object? value) => table.AddRow(Markup.Escape(name), Markup.Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "-"));
        Row("Kind", result.Kind.Name());
        Row("Outcome", result.Outcome);
        Row("Model version", result.ModelVersion);
        Row("Accounts read", result.Read);
        Row("Scored", result.Scored);
        Row("Changed", result.Changed);
        Row("Written", result.Written);
        Row("Failed", result.Failed);
        Row("New handoffs", result.Handoffs);
        Row("API calls", result.ApiCalls);
        Row("Checkpoint", result.CheckpointAfter?.ToString("u", CultureInfo.InvariantCulture));
        Row("Duration", result.Duration.ToString(@"hh\:mm\:ss\.f", CultureInfo.InvariantCulture));
        if (result.Error is not null)
        {
            Row("Error", result.Error);
        }

        return table;
    }
}
