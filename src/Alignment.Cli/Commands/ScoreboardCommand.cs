using System.CommandLine;
using System.Globalization;
using Alignment.Cli.Composition;
using Alignment.Cli.Output;
using Alignment.Sync.History;
using Alignment.Sync.Scoreboard;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Alignment.Cli.Commands;

/// <summary>
/// <c>alignment scoreboard [--week 2026-W48] [--format table|json|csv]</c>: the week's shared scoreboard from the handoff
/// history ledger (docs/scoreboard.md) — handoffs by rule and tier against the commitment, SLA met / breached /
/// pending, compliance, first-response median and p90 in business hours, per owner, rejections and wrong-tier flags,
/// tier movements — with the week before for comparison; the accounts now (tiers, locks, the tier review's list,
/// coverage) and the conversion of earlier handoffs from the CRM unless <c>--no-crm</c>; the stored weeks before (trend).
/// Exit 2 for a malformed week or format.
/// </summary>
internal sealed class ScoreboardCommand : Command
{
    private readonly Option<string?> _week = new("--week") { Description = "ISO week in the team's time zone, e.g. 2026-W48. Default: this week." };
    private readonly Option<string> _format = new("--format", "-f") { Description = "table, json or csv (one row per figure).", DefaultValueFactory = _ => "table" };
    private readonly Option<bool> _noCrm = new("--no-crm") { Description = "Ledger figures only: no CRM call (no accounts census, no conversion)." };

    public ScoreboardCommand()
        : base("scoreboard", "The week's shared scoreboard: handoffs against the commitment, SLA compliance and response times, per owner; with the week before.")
    {
        Options.Add(_week);
        Options.Add(_format);
        Options.Add(_noCrm);
        _format.AcceptOnlyFromAmong("table", "json", "csv");
        _week.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && IsoWeek.TryParse(text) is null)
            {
                result.AddError($"--week '{text}' is not an ISO week such as 2026-W48.");
            }
        });
        SetAction((parseResult, cancellationToken) => CommandHost.RunAsync(parseResult, async (services, console, ct) =>
        {
            var report = await services.GetRequiredService<ScoreboardJob>().RunAsync(IsoWeek.TryParse(parseResult.GetValue(_week)), !parseResult.GetValue(_noCrm), ct).ConfigureAwait(false);
            var output = parseResult.InvocationConfiguration.Output;
            switch (parseResult.GetValue(_format))
            {
                case "json":
                    await CliJson.WriteAsync(output, report).ConfigureAwait(false);
                    break;
                case "csv":
                    WriteCsv(output, report);
                    break;
                default:
                    Render(console, report);
                    break;
            }

            return ExitCodes.Ok;
        }, cancellationToken));
    }

    /// <summary>One row per figure: week, scope (<c>team</c> or <c>owner:ID</c>), metric, value.</summary>
    internal static void WriteCsv(TextWriter output, ScoreboardReport report)
    {
        using var csv = CsvWriter.Create(output, null, true);
        csv.WriteHeader(["week", "scope", "metric", "value"]);
        foreach (var row in Rows(report.This).Concat(Rows(report.Previous)).Concat(CrmRows(report)))
        {
            csv.WriteRecord([row.Week, row.Scope, row.Metric, row.Value]);
        }

        csv.Flush();
    }

    internal static IEnumerable<Row> Rows(WeeklyScoreboard s)
    {
        yield return new Row(s.Week, "team", "handoffs", Number(s.Handoffs));
        if (s.Commitment is { } commitment)
        {
            yield return new Row(s.Week, "team", "commitment", Number(commitment));
        }

        foreach (var rule in s.ByRule)
        {
            yield return new Row(s.Week, "team", "handoffs.rule." + rule.Key, Number(rule.Count));
        }

        foreach (var tier in s.ByTier)
        {
            yield return new Row(s.Week, "team", "handoffs.tier." + tier.Key, Number(tier.Count));
        }

        foreach (var row in SlaRows(s.Week, "team", s.Sla))
        {
            yield return row;
        }

        foreach (var owner in s.Owners)
        {
            yield return new Row(s.Week, "owner:" + owner.OwnerId, "handoffs", Number(owner.Handoffs));
            foreach (var row in SlaRows(s.Week, "owner:" + owner.OwnerId, owner.Sla))
            {
                yield return row;
            }
        }

        foreach (var rejection in s.Rejections)
        {
            yield return new Row(s.Week, "team", "rejected." + rejection.Key, Number(rejection.Count));
        }

        yield return new Row(s.Week, "team", "wrong_tier", Number(s.WrongTier));
        yield return new Row(s.Week, "team", "tiers.up", Number(s.Movements.Up));
        yield return new Row(s.Week, "team", "tiers.down", Number(s.Movements.Down));
        yield return new Row(s.Week, "team", "tiers.new", Number(s.Movements.New));
        yield return new Row(s.Week, "team", "recycled", Number(s.Movements.Recycled));
    }

    /// <summary>The CRM's figures, on the report's week with scope <c>now</c> (they are as of the report, not of the week).</summary>
    internal static IEnumerable<Row> CrmRows(ScoreboardReport report)
    {
        var week = report.This.Week;
        if (report.Census is { } c)
        {
            yield return new Row(week, "now", "accounts", Number(c.Accounts));
            foreach (var tier in c.ByTier)
            {
                yield return new Row(week, "now", "accounts.tier." + tier.Key, Number(tier.Count));
            }

            yield return new Row(week, "now", "accounts.locked", Number(c.Locked));
            yield return new Row(week, "now", "review.tier1", Number(c.Review.Tier1));
            yield return new Row(week, "now", "review.tier2", Number(c.Review.Tier2));
            yield return new Row(week, "now", "review.flagged_wrong", Number(c.Review.FlaggedWrong));
            foreach (var coverage in c.Coverage)
            {
                yield return new Row(week, "now", $"coverage.{coverage.Tier}", Decimal(coverage.Share));
            }
        }

        foreach (var conversion in report.Conversions)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"conversion.{conversion.Days}d.");
            yield return new Row(week, "now", prefix + "handoffs", Number(conversion.Handoffs));
            yield return new Row(week, "now", prefix + "meeting", Decimal(conversion.MeetingRate));
            yield return new Row(week, "now", prefix + "opportunity", Decimal(conversion.OpportunityRate));
            yield return new Row(week, "now", prefix + "pipeline", conversion.Pipeline?.ToString("0.##", CultureInfo.InvariantCulture) ?? "");
        }
    }

    private static IEnumerable<Row> SlaRows(string week, string scope, SlaFigures sla)
    {
        yield return new Row(week, scope, "sla.met", Number(sla.Met));
        yield return new Row(week, scope, "sla.breached", Number(sla.Breached));
        yield return new Row(week, scope, "sla.pending", Number(sla.Pending));
        yield return new Row(week, scope, "sla.compliance", Decimal(sla.Compliance));
        yield return new Row(week, scope, "response.median_business_hours", Decimal(sla.MedianResponseHours));
        yield return new Row(week, scope, "response.p90_business_hours", Decimal(sla.P90ResponseHours));
    }

    private static void Render(IAnsiConsole console, ScoreboardReport report)
    {
        var (t, p) = (report.This, report.Previous);
        console.MarkupLine(CultureInfo.InvariantCulture, "[bold]Scoreboard {0}[/] ({1}, {2:yyyy-MM-dd} to {3:yyyy-MM-dd}), compared with {4}.",
            t.Week, Markup.Escape(report.TimeZone), t.From, t.To.AddDays(-1), p.Week);
        var table = new Table().AddColumns("figure", t.Week, p.Week);
        table.AddRow("handoffs", Versus(t.Handoffs, t.Commitment), Versus(p.Handoffs, p.Commitment));
        table.AddRow("SLA met / breached / pending", Sla(t.Sla), Sla(p.Sla));
        table.AddRow("compliance", Percent(t.Sla.Compliance), Percent(p.Sla.Compliance));
        table.AddRow("first response, median (business h)", Hours(t.Sla.MedianResponseHours), Hours(p.Sla.MedianResponseHours));
        table.AddRow("first response, p90 (business h)", Hours(t.Sla.P90ResponseHours), Hours(p.Sla.P90ResponseHours));
        table.AddRow("by rule", Markup.Escape(string.Join(", ", t.ByRule.Select(r => $"{r.Key} {r.Count}"))), Markup.Escape(string.Join(", ", p.ByRule.Select(r => $"{r.Key} {r.Count}"))));
        table.AddRow("by tier", string.Join(", ", t.ByTier.Select(r => $"{r.Key} {r.Count}")), string.Join(", ", p.ByTier.Select(r => $"{r.Key} {r.Count}")));
        table.AddRow("rejected", Markup.Escape(string.Join(", ", t.Rejections.Select(r => $"{r.Key} {r.Count}"))), Markup.Escape(string.Join(", ", p.Rejections.Select(r => $"{r.Key} {r.Count}"))));
        table.AddRow("flagged wrong tier (review)", Number(t.WrongTier), Number(p.WrongTier));
        table.AddRow("tiers up / down / new", Moves(t.Movements), Moves(p.Movements));
        table.AddRow("recycled to nurture", Number(t.Movements.Recycled), Number(p.Movements.Recycled));
        console.Write(table);
        if (report.Census is { } census)
        {
            var accounts = new Table().Title(string.Create(CultureInfo.InvariantCulture, $"Accounts now ({census.Accounts})")).AddColumns("figure", "value");
            accounts.AddRow("by tier", string.Join(", ", census.ByTier.Select(r => $"{r.Key} {r.Count}")));
            accounts.AddRow("locked tiers", Number(census.Locked));
            accounts.AddRow("awaiting tier confirmation", string.Create(CultureInfo.InvariantCulture, $"Tier1 {census.Review.Tier1}, Tier2 {census.Review.Tier2}"));
            accounts.AddRow("flagged wrong tier", Number(census.Review.FlaggedWrong));
            foreach (var coverage in census.Coverage)
            {
                accounts.AddRow(string.Create(CultureInfo.InvariantCulture, $"{coverage.Tier} touched in {AccountCensus.CoverageDays} days"),
                    string.Create(CultureInfo.InvariantCulture, $"{coverage.Touched} of {coverage.Accounts} ({Percent(coverage.Share)})"));
            }

            foreach (var conversion in report.Conversions)
            {
                accounts.AddRow(
                    string.Create(CultureInfo.InvariantCulture, $"conversion in {conversion.Days} days ({conversion.Handoffs} handoffs {conversion.CohortFrom:yyyy-MM-dd}–{conversion.CohortTo.AddDays(-1):yyyy-MM-dd})"),
                    string.Create(CultureInfo.InvariantCulture, $"meeting {Percent(conversion.MeetingRate)}, opportunity {Percent(conversion.OpportunityRate)}{(conversion.Pipeline is { } pipeline ? $", pipeline {pipeline:N0}" : "")}"));
            }

            console.Write(accounts);
        }

        if (report.Trend.Count > 0)
        {
            var trend = new Table().Title("Stored weeks").AddColumns("week", "handoffs", "compliance", "Tier 1", "awaiting confirmation");
            foreach (var row in report.Trend)
            {
                trend.AddRow(row.Scoreboard.Week, Number(row.Scoreboard.Handoffs), Percent(row.Scoreboard.Sla.Compliance),
                    row.Census?.ByTier.FirstOrDefault(c => c.Key == Core.Tiers.Tier.Tier1)?.Count.ToString(CultureInfo.InvariantCulture) ?? "–",
                    row.Census is { } c ? Number(c.Review.Tier1 + c.Review.Tier2) : "–");
            }

            console.Write(trend);
        }

        foreach (var note in report.Notes)
        {
            console.MarkupLine("[grey]{0}[/]", Markup.Escape(note));
        }

        if (t.Owners.Count > 0)
        {
            var owners = new Table().Title($"Owners, {t.Week}").AddColumns("owner", "handoffs", "met / breached / pending", "compliance", "median (business h)");
            foreach (var owner in t.Owners)
            {
                owners.AddRow(Markup.Escape(owner.OwnerId), Number(owner.Handoffs), Sla(owner.Sla), Percent(owner.Sla.Compliance), Hours(owner.Sla.MedianResponseHours));
            }

            console.Write(owners);
        }
    }

    private static string Versus(int handoffs, int? commitment) =>
        commitment is { } c ? string.Create(CultureInfo.InvariantCulture, $"{handoffs} of {c} committed") : Number(handoffs);

    private static string Moves(TierMovements m) => string.Create(CultureInfo.InvariantCulture, $"{m.Up} / {m.Down} / {m.New}");

    private static string Sla(SlaFigures sla) => string.Create(CultureInfo.InvariantCulture, $"{sla.Met} / {sla.Breached} / {sla.Pending}");

    private static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "–";

    private static string Hours(double? hours) => hours is { } h ? h.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Decimal(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "";

    /// <summary>One CSV row.</summary>
    internal sealed record Row(string Week, string Scope, string Metric, string Value);
}
