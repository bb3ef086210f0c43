using System.Globalization;
using Alignment.Core.Calibration;
using Alignment.Core.Tiers;
using Spectre.Console;

namespace Alignment.Cli.Calibrate;

/// <summary>The human output of <c>alignment calibrate</c>: AUCs, lift, tiers, flagged segments, the suggestion, the migration matrix and the diff.</summary>
internal static class CalibrationTableWriter
{
    public static void Write(TextWriter output, CalibrationReport report)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ReferenceEquals(output, Console.Out) ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ReferenceEquals(output, Console.Out) ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            console.Profile.Width = 140;
        }

        var skipped = string.Join(", ", report.Skipped.Where(s => s.Value > 0).OrderBy(s => s.Key).Select(s => $"{s.Value} {s.Key}"));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Calibration of model {report.ModelVersion}: {report.Opportunities} closed opportunities ({report.Won} won, {report.Opportunities - report.Won} lost){(skipped.Length > 0 ? $", skipped: {skipped}" : string.Empty)}; {report.Accounts} accounts as of {report.AsOf.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}."));

        var level = Percent(report.Options.Level);
        var auc = new Table().Border(TableBorder.Rounded).Title("ROC AUC at creation (0.5 = no signal)")
            .AddColumn("Dimension").AddColumn(new TableColumn("AUC").RightAligned()).AddColumn(new TableColumn($"{level} interval").RightAligned());
        foreach (var e in report.Dimensions)
        {
            auc.AddRow(e.Dimension.ToString(), Number(e.Auc, "0.000"), e.Low is { } l && e.High is { } h ? $"{Number(l, "0.000")} – {Number(h, "0.000")}" : "–");
        }

        console.Write(auc);

        var lift = new Table().Border(TableBorder.Rounded).Title("Lift by composite-score decile")
            .AddColumn(new TableColumn("Decile").RightAligned()).AddColumn(new TableColumn("Scores").RightAligned())
            .AddColumn(new TableColumn("Opps").RightAligned()).AddColumn(new TableColumn("Won").RightAligned())
            .AddColumn(new TableColumn("Win rate").RightAligned()).AddColumn(new TableColumn("Lift").RightAligned());
        foreach (var d in report.Lift)
        {
            lift.AddRow(Int(d.Decile), $"{Int(d.MinScore)}–{Int(d.MaxScore)}", Int(d.Opportunities), Int(d.Won), Percent(d.WinRate), Number(d.Lift, "0.00"));
        }

        console.Write(lift);

        var tiers = new Table().Border(TableBorder.Rounded).Title("Win rate and pipeline by tier at creation")
            .AddColumn("Tier").AddColumn(new TableColumn("Opps").RightAligned()).AddColumn(new TableColumn("Won").RightAligned())
            .AddColumn(new TableColumn("Win rate").RightAligned()).AddColumn(new TableColumn("Pipeline").RightAligned()).AddColumn(new TableColumn("Won amount").RightAligned());
        foreach (var t in report.Tiers)
        {
            tiers.AddRow(t.Tier.ToString(), Int(t.Opportunities), Int(t.Won), t.WinRate is { } r ? Percent(r) : "–",
                t.Pipeline.ToString("N0", CultureInfo.InvariantCulture), t.WonAmount.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(tiers);

        var rule = report.SegmentRule;
        var flagged = report.Segments.Where(s => s.Flagged).ToList();
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Segment drift: high-tier win rate overall {(rule.OverallRate is { } p ? Percent(p) : "–")} over {rule.OverallOpportunities} opportunities; {rule.Tested} segments with ≥ {rule.MinimumOpportunities} tested at {level} family-wise (Wilson, Bonferroni); flagged when the interval lies below the overall rate and the gap is ≥ {Percent(rule.MaterialGap)}."));
        if (flagged.Count == 0)
        {
            console.WriteLine("No segment flagged.");
        }
        else
        {
            var segments = new Table().Border(TableBorder.Rounded).Title("Flagged segments (recalibrate before the quarterly review)")
                .AddColumn("Attribute").AddColumn("Value").AddColumn(new TableColumn("High-tier opps").RightAligned())
                .AddColumn(new TableColumn("Won").RightAligned()).AddColumn(new TableColumn("Win rate").RightAligned()).AddColumn(new TableColumn("Interval").RightAligned());
            foreach (var s in flagged)
            {
                segments.AddRow(Markup.Escape(s.Attribute), Markup.Escape(s.Value), Int(s.Opportunities), Int(s.Won), Percent(s.WinRate), $"{Percent(s.Low ?? 0)} – {Percent(s.High ?? 0)}");
            }

            console.Write(segments);
        }

        var proposal = report.Proposal;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Suggested (not applied) model {proposal.Model.Version}: weights fit {proposal.Weights.Fit} / intent {proposal.Weights.Intent} / engagement {proposal.Weights.Engagement} %; thresholds Tier1 {proposal.Thresholds.Tier1}, Tier2 {proposal.Thresholds.Tier2}, Tier3 {proposal.Thresholds.Tier3} (capacities {Percent(proposal.Capacities.Tier1)} / {Percent(proposal.Capacities.Tier2)} / {Percent(proposal.Capacities.Tier3)}); cross-validated AUC {Number(proposal.Weights.CrossValidatedAuc, "0.000")}. {proposal.Weights.Note}"));

        var matrix = new Table().Border(TableBorder.Rounded).Title("What-if: current tier (rows) × proposed tier (columns), all accounts")
            .AddColumn("Current");
        foreach (var to in TierOutcomes.Order)
        {
            matrix.AddColumn(new TableColumn(to.ToString()).RightAligned());
        }

        foreach (var from in TierOutcomes.Order)
        {
            matrix.AddRow([from.ToString(), .. TierOutcomes.Order.Select(to => Int(report.Migration.First(c => c.From == from && c.To == to).Accounts))]);
        }

        console.Write(matrix);
        var diff = report.FieldDiff;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rollout diff: {diff.ChangedAccounts} of {diff.Accounts} accounts change score or tier (score {diff.Fields.GetValueOrDefault("score")}, tier {diff.Fields.GetValueOrDefault("tier")}); modelVersion is rewritten on all {diff.Accounts}."));
        foreach (var change in diff.Sample)
        {
            console.WriteLine($"  {change.AccountId}  {change.Field}: {change.From} → {change.To}");
        }
    }

    private static string Int(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double value) => value.ToString("0.#%", CultureInfo.InvariantCulture);

    private static string Number(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    internal static string Label(Tier tier) => tier.ToString();
}
