using System.CommandLine;
using System.Globalization;
using Alignment.Cli.Composition;
using Alignment.Cli.Output;
using Alignment.Sync.History;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Alignment.Cli.Commands;

/// <summary>
/// <c>alignment history ACCOUNT [--max N] [--json]</c>: the account's handoffs (rule, tier, score, time, due, first
/// response, outcome, status and feedback) and its write log (field, old value, new value, run), newest first, read
/// from the state tables. Exit 0 also when the account has no history (it is then said so).
/// </summary>
internal sealed class HistoryCommand : Command
{
    private readonly Argument<string> _account = new("ACCOUNT") { Description = "The CRM id of the account (Salesforce Account id, HubSpot company id)." };
    private readonly Option<int> _max = new("--max") { Description = "At most this many handoffs and writes each (1-1000).", DefaultValueFactory = _ => 50 };
    private readonly Option<bool> _json = CliOptions.Json();

    public HistoryCommand()
        : base("history", "Show an account's handoff history and the connector's writes to it (why did this account change?).")
    {
        Arguments.Add(_account);
        CliOptions.AddRange(_max, 1, 1000);
        Options.Add(_max);
        Options.Add(_json);
        SetAction((parseResult, cancellationToken) => CommandHost.RunAsync(parseResult, async (services, console, ct) =>
        {
            var id = parseResult.GetValue(_account)!.Trim();
            var limit = parseResult.GetValue(_max);
            var handoffs = await services.GetRequiredService<IHandoffHistory>().ListForAccountAsync(id, limit, ct).ConfigureAwait(false);
            var writes = await services.GetRequiredService<IWriteLog>().ListForAccountAsync(id, limit, ct).ConfigureAwait(false);
            if (parseResult.GetValue(_json))
            {
                await CliJson.WriteAsync(parseResult.InvocationConfiguration.Output, new { accountId = id, handoffs, writes }).ConfigureAwait(false);
            }
            else
            {
                Render(console, id, handoffs, writes);
            }

            return ExitCodes.Ok;
        }, cancellationToken));
    }

    internal static void Render(IAnsiConsole console, string accountId, IReadOnlyList<HandoffRecord> handoffs, IReadOnlyList<AccountChange> writes)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (handoffs.Count == 0 && writes.Count == 0)
        {
            console.MarkupLine($"No history for account [bold]{Markup.Escape(accountId)}[/] (no handoff recorded, no write by the connector).");
            return;
        }

        var table = new Table().Title($"Handoffs of {Markup.Escape(accountId)}")
            .AddColumns("handed off (UTC)", "rule", "tier", "score", "due (UTC)", "first response", "outcome", "status", "feedback");
        foreach (var h in handoffs)
        {
            var feedback = string.Join(", ", new[] { h.RejectionReason, h.WrongTier ? "wrong tier" : null }.Where(f => f is not null));
            table.AddRow(Cell(Utc(h.HandoffAt)), Cell(h.Rule), Cell(h.Tier.ToString()), Cell(h.Score?.ToString(CultureInfo.InvariantCulture)),
                Cell(Utc(h.Due)), Cell(h.FirstResponseAt is { } r ? Utc(r) : null), Cell(h.Outcome?.ToString()), Cell(h.Status.ToString()), Cell(feedback));
        }

        console.Write(table);

        var log = new Table().Title($"Writes to {Markup.Escape(accountId)}").AddColumns("at (UTC)", "field", "old", "new", "run");
        foreach (var write in writes)
        {
            foreach (var change in write.Changes)
            {
                log.AddRow(Cell(Utc(write.At)), Cell(change.Field.ToString()), Cell(change.OldValue), Cell(change.NewValue), Cell(write.RunId));
            }
        }

        console.Write(log);
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Cell(string? text) => string.IsNullOrEmpty(text) ? "-" : Markup.Escape(text);
}
