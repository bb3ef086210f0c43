using System.CommandLine;
using System.Globalization;
using Alignment.Cli.Composition;
using Alignment.Cli.Output;
using Alignment.Sync.Plan;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Alignment.Cli.Commands;

/// <summary>
/// <c>alignment plan [--changed-only] [--max N] [--json]</c>: the dry run. Reads the configured CRM and prints what a
/// scoring run and an SLA sweep would write and send; writes nothing, sends nothing.
/// </summary>
internal sealed class PlanCommand : Command
{
    private readonly Option<bool> changedOnly = new("--changed-only") { Description = "Plan only for accounts changed since the scoring checkpoint (default: every account)." };
    private readonly Option<int?> max = new("--max") { Description = "Stop after reading this many accounts." };
    private readonly Option<int> rows = new("--rows") { Description = "Accounts listed in the table (the JSON lists all).", DefaultValueFactory = _ => 50 };
    private readonly Option<bool> json = CliOptions.Json();

    public PlanCommand()
        : base("plan", "Dry run against the configured CRM: field changes (old → new), handoffs and SLA alerts that would happen now. Writes nothing.")
    {
        Options.Add(changedOnly);
        Options.Add(max);
        Options.Add(rows);
        Options.Add(json);
        CliOptions.AddRange(max, 1, int.MaxValue);
        SetAction((parseResult, cancellationToken) => CommandHost.RunAsync(parseResult, async (services, console, ct) =>
        {
            var job = services.GetRequiredService<PlanJob>();
            var request = new PlanRequest(Full: !parseResult.GetValue(changedOnly), MaxAccounts: parseResult.GetValue(max));
            var report = await ProgressStatus.RunAsync(console, "Reading and planning...", () => job.RunAsync(request, ct)).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(parseResult.InvocationConfiguration.Output, report).ConfigureAwait(false);
            }
            else
            {
                Render(console, report, parseResult.GetValue(rows));
            }

            return ExitCodes.Ok;
        }, cancellationToken));
    }

    private static void Render(IAnsiConsole console, PlanReport report, int rows)
    {
        console.MarkupLine(CultureInfo.InvariantCulture, "[bold]Plan[/] for {0} with model {1} as of {2:u}: {3} read, {4} to write, {5} handoffs, {6} unchanged, {7} API calls.",
            Markup.Escape(report.Crm), Markup.Escape(report.ModelVersion), report.AsOf, report.Read, report.Writes, report.Handoffs, report.Unchanged, report.ApiCalls);
        var table = new Table().AddColumns("Account", "Score", "Tier", "Suggested", "Changes", "Handoff", "SLA due (UTC)", "Alerts");
        foreach (var account in report.Accounts.Take(rows))
        {
            table.AddRow(
                Markup.Escape(account.AccountId),
                account.Score.ToString(CultureInfo.InvariantCulture),
                account.Tier.ToString(),
                account.SuggestedTier == account.Tier ? "" : account.SuggestedTier.ToString(),
                Markup.Escape(string.Join(", ", account.Changes.Select(c => $"{c.Field}: {c.Old ?? "∅"} → {c.New ?? "∅"}"))),
                Markup.Escape(account.Handoff?.Rule ?? ""),
                account.Handoff?.SlaDue.ToString("u", CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(string.Join(", ", account.Alerts.Select(a => a.Level.ToString()))));
        }

        console.Write(table);
        if (report.Accounts.Count > rows)
        {
            console.MarkupLine(CultureInfo.InvariantCulture, "[grey]… {0} more (use --rows or --json).[/]", report.Accounts.Count - rows);
        }
    }
}
