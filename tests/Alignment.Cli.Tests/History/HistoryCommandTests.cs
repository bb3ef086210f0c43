using Alignment.Cli.Commands;
using Alignment.Cli.Output;
using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.Sync.Crm;
using Alignment.Sync.History;

namespace Alignment.Cli.Tests.History;

public sealed class HistoryCommandTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_HandoffsAndWrites_BothTablesWithFeedbackAndValues()
    {
        using var output = new StringWriter();
        var console = CliConsole.For(output);
        console.Profile.Width = 240;
        HandoffRecord[] handoffs =
        [
            new()
            {
                AccountId = "001A", HandoffAt = At, Rule = "pricing-surge", Tier = Tier.Tier2, Score = 71, Due = At.AddHours(4),
                Status = HandoffStatus.Rejected, FirstResponseAt = At.AddHours(1), Outcome = SlaStatus.Met, RejectionReason = "NotIcp", WrongTier = true,
            },
        ];
        AccountChange[] writes = [new("001A", At, "salesforce:scoring:20261120T150000000Z", [new FieldChange(AlignmentField.Tier, "Tier3", "Tier2")])];

        HistoryCommand.Render(console, "001A", handoffs, writes);

        var text = output.ToString();
        Assert.Contains("Handoffs of 001A", text, StringComparison.Ordinal);
        Assert.Contains(text.Split('\n'), l => l.Contains("pricing-surge", StringComparison.Ordinal) && l.Contains("Rejected", StringComparison.Ordinal)
            && l.Contains("NotIcp, wrong tier", StringComparison.Ordinal) && l.Contains("2026-11-20 19:00:00", StringComparison.Ordinal));
        Assert.Contains(text.Split('\n'), l => l.Contains("Tier3", StringComparison.Ordinal) && l.Contains("Tier2", StringComparison.Ordinal)
            && l.Contains("salesforce:scoring:20261120T150000000Z", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_NoHistory_SaysSo()
    {
        using var output = new StringWriter();

        HistoryCommand.Render(CliConsole.For(output), "001Z", [], []);

        Assert.Contains("No history for account 001Z", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoAccount_IsAnError()
    {
        var result = CommandCatalog.CreateRoot().Parse(["history"]);

        Assert.NotEmpty(result.Errors);
    }
}
