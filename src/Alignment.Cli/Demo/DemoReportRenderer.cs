using System.Globalization;
using Alignment.Core.Tiers;
using Spectre.Console;

namespace Alignment.Cli.Demo;

/// <summary>The demo report as a person reads it: tiers, handoffs with deadlines, breaches, Slack, API calls.</summary>
internal static class DemoReportRenderer
{
    public const string TiersTitle = "Tier distribution";
    public const string HandoffsTitle = "Handoffs and SLA deadlines";
    public const string BreachesTitle = "SLA breaches";
    public const string SlackTitle = "Slack messages posted";
    public const string RejectionsTitle = "Rejected by sales (handoff history)";
    public const string ApiTitle = "API calls";
    public const string ScoreboardTitle = "Scoreboard";

    private const int MaxHandoffRows = 25;

    public static void Render(IAnsiConsole console, DemoReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        console.Write(new Rule("[bold]alignment demo[/]").LeftJustified());
        console.MarkupLine(
            CultureInfo.InvariantCulture,
            "{0} generated accounts (seed {1}), model {2}; simulated {3:ddd d MMM yyyy HH:mm} → {4:HH:mm} UTC; ran in {5:0.0} s.",
            report.Accounts, report.Seed, Markup.Escape(report.ModelVersion), report.SimulatedStart, report.SimulatedEnd, report.Elapsed.TotalSeconds);

        var tiers = new Table().Title(TiersTitle).AddColumns("Tier", "Accounts", "Share");
        foreach (var (tier, count) in report.Tiers.OrderBy(t => t.Key == Tier.None ? int.MaxValue : (int)t.Key))
        {
            tiers.AddRow(tier.ToString(), count.ToString(CultureInfo.InvariantCulture), (count / (double)Math.Max(report.Accounts, 1)).ToString("P1", CultureInfo.InvariantCulture));
        }

        console.Write(tiers);
        console.MarkupLine(
            CultureInfo.InvariantCulture,
            "Scoring run: {0}, {1} read, {2} written, {3} handoffs, {4} API calls, {5:0.0} s.",
            report.Scoring.Outcome, report.Scoring.Read, report.Scoring.Written, report.Scoring.Handoffs, report.Scoring.ApiCalls, report.Scoring.Duration.TotalSeconds);

        console.Write(HandoffTable(HandoffsTitle, report.Handoffs.Take(MaxHandoffRows)));
        if (report.Handoffs.Count > MaxHandoffRows)
        {
            console.MarkupLine(CultureInfo.InvariantCulture, "[grey]… {0} more handoffs (--json lists all).[/]", report.Handoffs.Count - MaxHandoffRows);
        }

        var breaches = report.Breaches.ToList();
        console.Write(HandoffTable(string.Create(CultureInfo.InvariantCulture, $"{BreachesTitle} ({breaches.Count} of {report.Handoffs.Count}, after {report.Sweeps} sweeps)"), breaches));

        var rejections = new Table()
            .Title(string.Create(CultureInfo.InvariantCulture, $"{RejectionsTitle}: {report.Rejections.Count} of {report.HandoffsRecorded} recorded handoffs"))
            .AddColumns("Account", "Rule", "Handed off (UTC)", "Reason", "Recorded (UTC)");
        foreach (var r in report.Rejections)
        {
            rejections.AddRow(Markup.Escape(r.AccountName), Markup.Escape(r.Rule), r.HandoffAt.ToString("ddd HH:mm", CultureInfo.InvariantCulture),
                Markup.Escape(r.Reason ?? "-"), r.RecordedAt.ToString("ddd HH:mm", CultureInfo.InvariantCulture));
        }

        console.Write(rejections);

        if (report.Scoreboard is { } board)
        {
            var (t, c) = (board.This, board.Census);
            var table = new Table().Title(string.Create(CultureInfo.InvariantCulture, $"{ScoreboardTitle} {t.Week} ({board.TimeZone})")).AddColumns("Figure", "Value");
            table.AddRow("handoffs", t.Handoffs.ToString(CultureInfo.InvariantCulture));
            table.AddRow("SLA met / breached / pending", string.Create(CultureInfo.InvariantCulture, $"{t.Sla.Met} / {t.Sla.Breached} / {t.Sla.Pending}"));
            table.AddRow("compliance", t.Sla.Compliance is { } compliance ? compliance.ToString("P0", CultureInfo.InvariantCulture) : "–");
            table.AddRow("first response, median / p90 (business h)", string.Create(CultureInfo.InvariantCulture, $"{t.Sla.MedianResponseHours:0.0} / {t.Sla.P90ResponseHours:0.0}"));
            table.AddRow("by rule", Markup.Escape(string.Join(", ", t.ByRule.Select(r => $"{r.Key} {r.Count}"))));
            table.AddRow("rejected", Markup.Escape(string.Join(", ", t.Rejections.Select(r => $"{r.Key} {r.Count}"))));
            table.AddRow("tiers up / down / new", string.Create(CultureInfo.InvariantCulture, $"{t.Movements.Up} / {t.Movements.Down} / {t.Movements.New}"));
            if (c is not null)
            {
                table.AddRow("accounts by tier (now)", string.Join(", ", c.ByTier.Select(r => $"{r.Key} {r.Count}")));
                table.AddRow("awaiting tier confirmation", string.Create(CultureInfo.InvariantCulture, $"Tier1 {c.Review.Tier1}, Tier2 {c.Review.Tier2}"));
                table.AddRow("touched in 14 days", string.Join(", ", c.Coverage.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Tier} {v.Touched} of {v.Accounts}"))));
            }

            console.Write(table);
            console.MarkupLine(report.DigestSent ? "The weekly digest went to the alert channel (below)." : "[yellow]No weekly digest was sent.[/]");
        }

        var slack = new Table().Title(string.Create(CultureInfo.InvariantCulture, $"{SlackTitle} ({report.SlackMessages.Count})")).AddColumns("At (UTC)", "Where", "Message");
        foreach (var message in report.SlackMessages)
        {
            slack.AddRow(message.At.ToString("HH:mm", CultureInfo.InvariantCulture), Markup.Escape(message.Where), Markup.Escape(message.Text));
        }

        console.Write(slack);

        var api = new Table().Title(ApiTitle).AddColumns("Counter", "Calls");
        api.AddRow("Connector → CRM (its own count)", report.ApiUsage.ConnectorCrmCalls.ToString(CultureInfo.InvariantCulture));
        api.AddRow("Salesforce emulator: token / reads / writes", string.Create(CultureInfo.InvariantCulture, $"{report.ApiUsage.SalesforceToken} / {report.ApiUsage.SalesforceReads} / {report.ApiUsage.SalesforceWrites}"));
        api.AddRow("Slack sink requests", report.ApiUsage.SlackRequests.ToString(CultureInfo.InvariantCulture));
        console.Write(api);
    }

    private static Table HandoffTable(string title, IEnumerable<DemoHandoff> handoffs)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns("Account", "Tier", "Rule", "Owner zone", "SLA due (owner time)", "Handoff", "SLA", "First response");
        foreach (var h in handoffs)
        {
            table.AddRow(
                Markup.Escape(h.AccountName),
                h.Tier.ToString(),
                Markup.Escape(h.Rule),
                Markup.Escape(h.OwnerTimeZone),
                Markup.Escape(Local(h.SlaDue, h.OwnerTimeZone)),
                Markup.Escape(h.HandoffStatus),
                Markup.Escape(h.SlaStatus),
                h.FirstResponseAt is { } at ? Markup.Escape(Local(at, h.OwnerTimeZone)) : "—");
        }

        return table;
    }

    private static string Local(DateTimeOffset instant, string zone)
    {
        try
        {
            var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone));
            return local.ToString("ddd HH:mm", CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return instant.ToString("ddd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        }
    }
}
