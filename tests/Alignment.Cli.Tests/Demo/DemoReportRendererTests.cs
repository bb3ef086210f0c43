using Alignment.Cli.Demo;
using Alignment.Cli.Output;
using Alignment.Core.Tiers;

namespace Alignment.Cli.Tests.Demo;

public sealed class DemoReportRendererTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 17, 14, 0, 0, TimeSpan.Zero);

    private static DemoReport Report() => new()
    {
        SimulatedStart = Start,
        SimulatedEnd = Start.AddHours(12),
        Seed = 42,
        Accounts = 10,
        ModelVersion = "2026.11.0",
        Tiers = new Dictionary<Tier, int> { [Tier.Tier1] = 1, [Tier.Tier2] = 2, [Tier.Tier3] = 3, [Tier.None] = 4 },
        Scoring = new DemoRunSummary(Sync.Runs.RunOutcome.Succeeded, 10, 10, 2, 5, TimeSpan.FromSeconds(1.5)),
        Handoffs =
        [
            new("001A", "Acme Labs", Tier.Tier2, "pricing-surge", Start, Start.AddHours(4), "America/New_York", "Met", "Pending", Start.AddHours(1)),
            new("001B", "Globex Systems", Tier.Tier1, "tier1-meeting", Start, Start.AddHours(8), "America/New_York", "Breached", "Pending", null),
            new("001C", "Initech", Tier.Tier2, "pricing-surge", Start, Start.AddHours(4), "America/New_York", "OnTrack", "Rejected", null),
        ],
        Sweeps = 48,
        HandoffsRecorded = 3,
        Rejections = [new("001C", "Initech", "pricing-surge", Start, null, Start.AddHours(12))],
        SlackMessages = [new(Start.AddHours(8.25), "#C0ALIGNSLA", "SLA breached: Globex Systems · Tier 1 (Hot). Owner: @avery.walsh.")],
        ApiUsage = new DemoApiUsage(17, 2, 10, 5, 3),
        Elapsed = TimeSpan.FromSeconds(9),
    };

    [Fact]
    public void Render_Report_EverySectionWithItsContent()
    {
        using var output = new StringWriter();
        var console = CliConsole.For(output);
        console.Profile.Width = 200;

        DemoReportRenderer.Render(console, Report());

        var text = output.ToString();
        Assert.Contains(DemoReportRenderer.TiersTitle, text, StringComparison.Ordinal);
        Assert.Contains(DemoReportRenderer.HandoffsTitle, text, StringComparison.Ordinal);
        Assert.Contains("SLA breaches (1 of 3, after 48 sweeps)", text, StringComparison.Ordinal);
        Assert.Contains(DemoReportRenderer.RejectionsTitle + ": 1 of 3 recorded handoffs", text, StringComparison.Ordinal);
        Assert.Contains(text.Split('\n'), l => l.Contains("Initech", StringComparison.Ordinal) && l.Contains("Rejected", StringComparison.Ordinal));
        Assert.Contains("Slack messages posted (1)", text, StringComparison.Ordinal);
        Assert.Contains("SLA breached: Globex Systems · Tier 1 (Hot). Owner: @avery.walsh.", text, StringComparison.Ordinal);
        Assert.Contains("2 / 10 / 5", text, StringComparison.Ordinal);
        Assert.Contains("40.0 %", text, StringComparison.Ordinal);

        // Deadlines are shown in the owner's time zone: 22:00 UTC is 17:00 in New York.
        var breachRow = text.Split('\n').Last(l => l.Contains("Globex Systems", StringComparison.Ordinal) && l.Contains("Breached", StringComparison.Ordinal));
        Assert.Contains("Tue 17:00", breachRow, StringComparison.Ordinal);
    }
}
