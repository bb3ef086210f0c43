using System.Collections.Immutable;
using System.Globalization;
using Alignment.Core.Evaluation;
using Alignment.Core.Tiers;
using Spectre.Console;

namespace Alignment.Cli.Evaluate;

/// <summary>The human output of <c>alignment evaluate</c>: one row per account, then a summary line.</summary>
internal static class EvaluationTableWriter
{
    public static void Write(TextWriter output, ImmutableArray<EvaluatedAccount> results, DateTimeOffset asOf, string modelVersion)
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
            console.Profile.Width = 160;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Account")
            .AddColumn(new TableColumn("Score").RightAligned())
            .AddColumn(new TableColumn("Fit").RightAligned())
            .AddColumn(new TableColumn("Intent").RightAligned())
            .AddColumn(new TableColumn("Eng.").RightAligned())
            .AddColumn("Tier")
            .AddColumn("Reasons")
            .AddColumn("Handoff / SLA");

        foreach (var (account, outcome) in results)
        {
            var evaluation = outcome.Evaluation;
            var name = account.Name is { Length: > 0 } n ? $"{Markup.Escape(n)}\n[grey]{Markup.Escape(account.Id)}[/]" : Markup.Escape(account.Id);
            table.AddRow(
                new Markup(name),
                new Markup($"[bold]{evaluation.Score.ToString(CultureInfo.InvariantCulture)}[/]"),
                new Text(evaluation.Fit.ToString(CultureInfo.InvariantCulture)),
                new Text(evaluation.Intent.ToString(CultureInfo.InvariantCulture)),
                new Text(evaluation.Engagement.ToString(CultureInfo.InvariantCulture)),
                new Markup(TierCell(evaluation.Tier, evaluation.SuggestedTier, account.Current.TierLocked, account.Current.Tier)),
                new Text(string.Join("\n", evaluation.Reasons)),
                new Text(HandoffCell(outcome)));
        }

        console.Write(table);
        var counts = string.Join(" · ", new[] { Tier.Tier1, Tier.Tier2, Tier.Tier3, Tier.None }
            .Select(t => $"{Label(t)} {results.Count(r => r.Evaluation.Tier == t).ToString(CultureInfo.InvariantCulture)}"));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{results.Length} accounts as of {asOf.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} · model {modelVersion} · {counts}"));
    }

    private static string TierCell(Tier tier, Tier suggested, bool locked, Tier previous)
    {
        var text = $"[{Colour(tier)}]{Label(tier)}[/]";
        if (locked)
        {
            text += " (locked)";
            if (suggested != tier)
            {
                text += $"\n[grey]suggested {Label(suggested)}[/]";
            }
        }
        else if (previous != tier)
        {
            text += $"\n[grey]was {Label(previous)}[/]";
        }

        return text;
    }

    private static string HandoffCell(AlignmentOutcome outcome)
    {
        var lines = new List<string>();
        if (outcome.Handoff is { } handoff)
        {
            lines.Add($"new: {handoff.Rule}");
        }

        if (outcome.Sla is { } sla)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{sla.Status}, due {sla.Due.UtcDateTime:yyyy-MM-dd HH:mm}Z"));
        }

        return lines.Count == 0 ? "-" : string.Join("\n", lines);
    }

    private static string Label(Tier tier) => tier switch
    {
        Tier.Tier1 => "Tier 1",
        Tier.Tier2 => "Tier 2",
        Tier.Tier3 => "Tier 3",
        _ => "None",
    };

    private static string Colour(Tier tier) => tier switch
    {
        Tier.Tier1 => "red",
        Tier.Tier2 => "darkorange",
        Tier.Tier3 => "yellow",
        _ => "grey",
    };
}
