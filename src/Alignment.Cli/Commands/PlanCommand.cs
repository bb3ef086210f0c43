using System.CommandLine;
using System.Globalization;
using Alignment.Cli.Composition;
using Alignment.Cli.Output;
using Alignment.Sync.Plan;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Alignment.Cli.Commands;

/// <summary>
/// <c>alignment plan [--changed-only] [--max N] [--model FILE] [--json]</c>: the dry run. Reads the configured CRM and
/// prints what a scoring run and an SLA sweep would write and send — with the configured model or a candidate one
/// (tier migration, the model-version wave, write calls); writes nothing, sends nothing.
/// </summary>
internal sealed class PlanCommand : Command
{
    private readonly Option<bool> _changedOnly = new("--changed-only") { Description = "Plan only for accounts changed since the scoring checkpoint (default: every account)." };
    private readonly Option<int?> _max = new("--max") { Description = "Stop after reading this many accounts." };
    private readonly Option<int> _rows = new("--rows") { Description = "Accounts listed in the table (the JSON lists all).", DefaultValueFactory = _ => 50 };
    private readonly Option<bool> _json = CliOptions.Json();
    private readonly Option<FileInfo?> _model = new("--model", "-m")
    {
        Description = "Preview a candidate model file against the live CRM (tier migration, writes, handoffs) instead of the configured one. Nothing is written.",
    };

    public PlanCommand()
        : base("plan", "Dry run against the configured CRM: field changes (old → new), handoffs and SLA alerts that would happen now. Writes nothing.")
    {
        Options.Add(_changedOnly);
        Options.Add(_max);
        Options.Add(_rows);
        Options.Add(_json);
        Options.Add(_model);
        CliOptions.AddRange(_max, 1, int.MaxValue);
        SetAction((parseResult, cancellationToken) => CommandHost.RunAsync(parseResult, async (services, console, ct) =>
        {
            var job = services.GetRequiredService<PlanJob>();
            var request = new PlanRequest(Full: !parseResult.GetValue(_changedOnly), MaxAccounts: parseResult.GetValue(_max));
            var report = await ProgressStatus.RunAsync(console, "Reading and planning...", () => job.RunAsync(request, ct)).ConfigureAwait(false);
            if (parseResult.GetValue(_json))
            {
                await CliJson.WriteAsync(parseResult.InvocationConfiguration.Output, report).ConfigureAwait(false);
            }
            else
            {
                Render(console, report, parseResult.GetValue(_rows));
            }

            return ExitCodes.Ok;
        }, cancellationToken, ModelOverride(parseResult.GetValue(_model))));
    }

    /// <summary>The candidate model replaces <c>Alignment:Sync:ModelPath</c>: validated like the configured one (exit 2 naming the file and the JSON path).</summary>
    private static Dictionary<string, string?>? ModelOverride(FileInfo? file) =>
        file is null ? null : new Dictionary<string, string?> { ["Alignment:Sync:ModelPath"] = file.FullName };

    private static void Render(IAnsiConsole console, PlanReport report, int rows)
    {
        console.MarkupLine(CultureInfo.InvariantCulture, "[bold]Plan[/] for {0} with model {1} as of {2:u}: {3} read, {4} to write, {5} handoffs, {6} unchanged, {7} API calls.",
            Markup.Escape(report.Crm), Markup.Escape(report.ModelVersion), report.AsOf, report.Read, report.Writes, report.Handoffs, report.Unchanged, report.ApiCalls);
        console.MarkupLine(CultureInfo.InvariantCulture, "Writes take {0} write call(s); {1} account(s) only get the model version (the model-version wave).", report.WriteCalls, report.ModelVersionOnly);
        var moved = report.Migration.Where(m => m.From != m.To).ToList();
        if (moved.Count > 0)
        {
            var migration = new Table().AddColumns("Tier now", "Tier planned", "Accounts");
            foreach (var move in moved)
            {
                migration.AddRow(move.From.ToString(), move.To.ToString(), move.Accounts.ToString(CultureInfo.InvariantCulture));
            }

            console.MarkupLine(CultureInfo.InvariantCulture, "[bold]Tier migration[/]: {0} of {1} accounts change tier.", moved.Sum(m => m.Accounts), report.Read);
            console.Write(migration);
        }

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
