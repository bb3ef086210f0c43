using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alignment.Core.Accounts;
using Alignment.Slack.Messages;
using Alignment.Sync.Alerts;
using Alignment.Sync.Calibration;

namespace Alignment.Slack.Tests.Messages;

public sealed class SlackMessageRendererTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Render_Breached_MatchesGoldenBlocks()
    {
        var message = SlackMessageRenderer.Render(Alerts.Breached(), "U024BE7LH");

        Assert.Equal(Golden.Breached, message.ToJsonString(new JsonSerializerOptions { WriteIndented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void Render_NameWithMarkup_EscapedInLinkAndTextButNotInPlainHeader()
    {
        var message = SlackMessageRenderer.Render(Alerts.Breached(), "U1");
        var json = message.ToJsonString(Relaxed);

        Assert.Contains("<https://acme.my.salesforce.com/lightning/r/Account/001A000001abcDE/view?a=1&amp;b=2|Acme &amp; Sons &lt;EU&gt;>", (string)message["blocks"]![1]!["text"]!["text"]!, StringComparison.Ordinal);
        Assert.StartsWith("SLA breached: Acme &amp; Sons &lt;EU&gt; · Tier 1 (Hot) · due Fri 20 Nov 2026 17:00 (America/New_York, UTC-05:00) = 2026-11-20 22:00 UTC", (string)message["text"]!, StringComparison.Ordinal);
        Assert.Equal("SLA breached: Acme & Sons <EU>", (string)message["blocks"]![0]!["text"]!["text"]!);
        Assert.DoesNotContain("<EU>", json.Replace("\"SLA breached: Acme & Sons <EU>\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoSlackUser_PlainTextWithoutEmail()
    {
        var json = SlackMessageRenderer.Render(Alerts.Breached(), ownerUserId: null).ToJsonString(Relaxed);

        Assert.Contains("the account owner (no Slack user found)", json, StringComparison.Ordinal);
        Assert.DoesNotContain("ae@example.com", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AlertLevel.AtRisk, "SLA at risk: ", "Heads-up <@U1>")]
    [InlineData(AlertLevel.Breached, "SLA breached: ", "<@U1>: the first response")]
    [InlineData(AlertLevel.Escalated, "SLA escalation: ", "Still unanswered 4 business hours after the deadline")]
    [InlineData(AlertLevel.Handoff, "New handoff: ", "<@U1>: *<https://acme.my.salesforce.com/lightning/r/Account/001A000001abcDE/view?a=1&amp;b=2|Acme &amp; Sons &lt;EU&gt;>* was handed off to you under `tier1-meeting`. First response due *Fri 20 Nov 2026 17:00 (America/New_York, UTC-05:00)*.")]
    public void Render_Level_HasItsWording(AlertLevel level, string header, string lead)
    {
        var message = SlackMessageRenderer.Render(Alerts.Breached() with { Level = level, EscalateAfterBusinessHours = 4 }, "U1");

        Assert.StartsWith(header, (string)message["blocks"]![0]!["text"]!["text"]!, StringComparison.Ordinal);
        Assert.Contains(lead, (string)message["blocks"]![1]!["text"]!["text"]!, StringComparison.Ordinal);
        Assert.StartsWith(header.TrimEnd(' '), (string)message["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoUrlNoReasonsNoScore_LeavesThemOut()
    {
        var alert = Alerts.Breached() with { AccountUrl = null, Reasons = null, Score = null, AccountName = null };

        var message = SlackMessageRenderer.Render(alert, "U1");
        var json = message.ToJsonString(Relaxed);

        Assert.DoesNotContain("accessory", json, StringComparison.Ordinal);
        Assert.DoesNotContain("*Why:*", json, StringComparison.Ordinal);
        Assert.Contains("*Score*\\n–", json, StringComparison.Ordinal);
        Assert.Equal("SLA breached: 001A000001abcDE", (string)message["blocks"]![0]!["text"]!["text"]!);
        Assert.Equal(3, message["blocks"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("2026-03-08T06:59:00Z", "America/New_York", "Sun 8 Mar 2026 01:59 (America/New_York, UTC-05:00)")]
    [InlineData("2026-03-08T07:00:00Z", "America/New_York", "Sun 8 Mar 2026 03:00 (America/New_York, UTC-04:00)")]
    [InlineData("2026-11-01T05:59:00Z", "America/New_York", "Sun 1 Nov 2026 01:59 (America/New_York, UTC-04:00)")]
    [InlineData("2026-11-01T06:00:00Z", "America/New_York", "Sun 1 Nov 2026 01:00 (America/New_York, UTC-05:00)")]
    [InlineData("2026-10-25T00:59:00Z", "Europe/Berlin", "Sun 25 Oct 2026 02:59 (Europe/Berlin, UTC+02:00)")]
    [InlineData("2026-10-25T01:00:00Z", "Europe/Berlin", "Sun 25 Oct 2026 02:00 (Europe/Berlin, UTC+01:00)")]
    [InlineData("2026-11-20T22:00:00Z", "Asia/Kolkata", "Sat 21 Nov 2026 03:30 (Asia/Kolkata, UTC+05:30)")]
    [InlineData("2026-11-20T22:00:00Z", "Mars/Olympus_Mons", "Fri 20 Nov 2026 22:00 UTC")]
    [InlineData("2026-11-20T22:00:00Z", null, "Fri 20 Nov 2026 22:00 UTC")]
    [InlineData("2026-11-20T22:00:00Z", "UTC", "Fri 20 Nov 2026 22:00 UTC")]
    public void OwnerTime_AcrossDstAndUnknownZones_ShowsLocalTimeAndOffset(string instant, string? zone, string expected) =>
        Assert.Equal(expected, SlackMessageRenderer.OwnerTime(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), zone));

    [Fact]
    public void Render_OwnerInBerlin_ShowsDueInBerlinAndUtc()
    {
        var alert = Alerts.Breached() with { Owner = new Owner("005B", TimeZone: "Europe/Berlin"), SlaDue = new DateTimeOffset(2026, 7, 1, 15, 0, 0, TimeSpan.Zero) };

        var fields = SlackMessageRenderer.Render(alert, "U1")["blocks"]![1]!["fields"]!.ToJsonString(Relaxed);

        Assert.Contains("*SLA due*\\nWed 1 Jul 2026 17:00 (Europe/Berlin, UTC+02:00)\\n2026-07-01 15:00 UTC", fields, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8.0, "Still unanswered 8 business hours after the deadline")]
    [InlineData(1.0, "Still unanswered 1 business hour after the deadline")]
    [InlineData(2.5, "Still unanswered 2.5 business hours after the deadline")]
    [InlineData(null, "Still unanswered the configured business hours after the deadline")]
    public void Render_Escalated_SaysTheConfiguredHours(double? hours, string lead)
    {
        var message = SlackMessageRenderer.Render(Alerts.Breached() with { Level = AlertLevel.Escalated, EscalateAfterBusinessHours = hours }, "U1");

        Assert.Contains(lead, (string)message["blocks"]![1]!["text"]!["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Handoff_ListsTheThreeReasonsRuleScoreAndCrmButton()
    {
        var message = SlackMessageRenderer.Render(Alerts.Breached() with { Level = AlertLevel.Handoff }, "U1");
        var json = message.ToJsonString(Relaxed);

        Assert.Equal("*Why:*\n• Pricing page ×3 in 7d\n• 3 engaged contacts\n• ICP: Software &lt;5000&gt;", (string)message["blocks"]![2]!["text"]!["text"]!);
        Assert.Contains("\"action_id\":\"open_in_crm\"", json, StringComparison.Ordinal);
        Assert.Contains("*Score*\\n87", json, StringComparison.Ordinal);
        Assert.Contains("*Tier*\\nTier 1 (Hot)", json, StringComparison.Ordinal);
        Assert.Contains("Alignment handoff alert", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TierCrossings_ListsAccountsAndCountsTheRest()
    {
        var alert = Alerts.Breached() with
        {
            Level = AlertLevel.TierCrossings,
            AccountId = "salesforce:full-rescore:20261120T150000000Z",
            Crossings =
            [
                new TierCrossing("001A", "Acme <EU>", new Uri("https://crm.example/001A"), Core.Tiers.Tier.Tier2, Core.Tiers.Tier.Tier1, 88),
                new TierCrossing("001B", null, null, Core.Tiers.Tier.Tier3, Core.Tiers.Tier.Tier2, 66),
            ],
            CrossingsOmitted = 498,
        };

        var message = SlackMessageRenderer.Render(alert, "U1");
        var body = (string)message["blocks"]![1]!["text"]!["text"]!;

        Assert.Equal("Tier crossings: 500 accounts moved up", (string)message["blocks"]![0]!["text"]!["text"]!);
        Assert.Contains("• <https://crm.example/001A|Acme &lt;EU&gt;>: Tier 2 (Warm) → *Tier 1 (Hot)* (score 88)", body, StringComparison.Ordinal);
        Assert.Contains("• 001B: Tier 3 (Monitored) → *Tier 2 (Warm)* (score 66)", body, StringComparison.Ordinal);
        Assert.Contains("…and 498 more", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U1>", message.ToJsonString(Relaxed), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ManyTierCrossings_SplitIntoSectionsUnderTheBlockLimit()
    {
        var crossings = Enumerable.Range(0, 200)
            .Select(i => new TierCrossing("001" + i, new string('x', 60), new Uri("https://crm.example/" + i), Core.Tiers.Tier.Tier3, Core.Tiers.Tier.Tier1, 90))
            .ToList();

        var message = SlackMessageRenderer.Render(Alerts.Breached() with { Level = AlertLevel.TierCrossings, Crossings = crossings }, null);
        var sections = message["blocks"]!.AsArray().Where(b => (string)b!["type"]! == "section").Select(b => (string)b!["text"]!["text"]!).ToList();

        Assert.True(sections.Count > 1);
        Assert.All(sections, s => Assert.True(s.Length <= 3000));
        Assert.Equal(200, sections.Sum(s => s.Split('\n').Length));
    }

    [Fact]
    public void Render_Calibration_AucTiersFlaggedSegmentsAndTheReviewCommand()
    {
        var message = SlackMessageRenderer.Render(CalibrationAlert(flagged: 7), "U1");
        var blocks = message["blocks"]!.AsArray();
        var sections = blocks.Where(b => (string)b!["type"]! == "section").Select(b => (string)b!["text"]!["text"]!).ToList();
        var all = string.Join("\n", sections);

        Assert.Equal("Monthly calibration: model 2026.11.0, 7 segments flagged", (string)blocks[0]!["text"]!["text"]!);
        Assert.Contains("412 closed opportunities in the last 365 days (103 won, 25 %), 9800 accounts scored", all, StringComparison.Ordinal);
        Assert.Contains("• Composite: *0.712* [0.680, 0.741]", all, StringComparison.Ordinal);
        Assert.Contains("• Intent: not defined (needs both won and lost)", all, StringComparison.Ordinal);
        Assert.Contains("• Tier 1 (Hot): 30/60 won (50 %), pipeline 1,200,000", all, StringComparison.Ordinal);
        Assert.Contains("• industry = Retail &amp; Leisure: 2/25 won (8 %, 2.2 %–25 %)", all, StringComparison.Ordinal);
        Assert.Contains("…and 2 more", all, StringComparison.Ordinal);
        Assert.Contains("Nothing is applied", all, StringComparison.Ordinal);
        Assert.All(sections, s => Assert.True(s.Length <= 3000));
        Assert.DoesNotContain("<@U1>", message.ToJsonString(Relaxed), StringComparison.Ordinal);
        Assert.StartsWith("Monthly calibration: model 2026.11.0", (string)message["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CalibrationWithoutDrift_SaysSoAndListsNoSegments()
    {
        var message = SlackMessageRenderer.Render(CalibrationAlert(flagged: 0), null);

        Assert.Equal("Monthly calibration: model 2026.11.0, no segment flagged", (string)message["blocks"]![0]!["text"]!["text"]!);
        Assert.DoesNotContain("Flagged:", message.ToJsonString(Relaxed), StringComparison.Ordinal);
    }

    internal static Alert CalibrationAlert(int flagged) => Alerts.Breached("calibration:salesforce:2026-12") with
    {
        Level = AlertLevel.Calibration,
        AccountId = "salesforce:calibration:20261201T070000000Z",
        Owner = null,
        Calibration = new CalibrationSummary
        {
            ModelVersion = "2026.11.0",
            ProposedVersion = "2026.11.1",
            WindowDays = 365,
            Accounts = 9800,
            Opportunities = 412,
            Won = 103,
            Skipped = 0,
            Dimensions =
            [
                new CalibrationSummaryDimension("Fit", 0.65, 0.61, 0.69),
                new CalibrationSummaryDimension("Intent", null, null, null),
                new CalibrationSummaryDimension("Composite", 0.712, 0.680, 0.741),
            ],
            Tiers = [new CalibrationSummaryTier(Core.Tiers.Tier.Tier1, 60, 30, 0.5, 1_200_000m)],
            Segments = [.. Enumerable.Range(0, Math.Min(flagged, CalibrationSummary.MaxSegmentsListed))
                .Select(i => new CalibrationSummarySegment("industry", i == 0 ? "Retail & Leisure" : "Segment " + i, 25, 2, 0.08, 0.022, 0.25))],
            SegmentsFlagged = flagged,
            FitWeight = 45,
            IntentWeight = 35,
            EngagementWeight = 20,
        },
    };

    [Fact]
    public void Render_WeeklyDigest_HeadlineFiguresWithTheWeekBeforeAndBreachesByOwner()
    {
        var sla = new Sync.Scoreboard.SlaFigures(8, 2, 1, 0.8, 2.5, 7.0);
        var alert = Alerts.Breached("weekly-digest:salesforce:2026-W47") with
        {
            Level = AlertLevel.WeeklyDigest,
            AccountId = "2026-W47",
            Owner = null,
            Digest = new Sync.Scoreboard.WeeklyDigest
            {
                TimeZone = "America/New_York",
                This = new Sync.Scoreboard.WeeklyDigestWeek("2026-W47", 11, 10, sla, 2, 1),
                Previous = new Sync.Scoreboard.WeeklyDigestWeek("2026-W46", 7, 10, new Sync.Scoreboard.SlaFigures(5, 0, 0, 1.0, 1.0, 2.0), 0, 0),
                Owners = [new Sync.Scoreboard.OwnerBreaches("005B", 2, 4)],
            },
        };

        var message = SlackMessageRenderer.Render(alert, "U1");
        var text = message.ToJsonString(Relaxed);

        Assert.Equal("Weekly scoreboard 2026-W47: 11 handoffs, SLA 80 %", (string)message["blocks"]![0]!["text"]!["text"]!);
        Assert.Contains("*Handoffs* 11 of 10 committed ✓ (previous week 7)", text, StringComparison.Ordinal);
        Assert.Contains("compliance 80 % (previous 100 %)", text, StringComparison.Ordinal);
        Assert.Contains("median 2.5, p90 7.0 business hours", text, StringComparison.Ordinal);
        Assert.Contains("`005B`: 2 of 4", text, StringComparison.Ordinal);
        Assert.Contains("alignment scoreboard --week 2026-W47", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U1>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WeeklyDigest_WithAccountsMovesConversionNotesAndTheCrmLink()
    {
        var sla = new Sync.Scoreboard.SlaFigures(8, 2, 1, 0.8, 2.5, 7.0);
        var conversion = new Sync.Scoreboard.Conversion(30, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 20, 5, 4, 120_000m);
        var alert = Alerts.Breached("weekly-digest:salesforce:2026-W47") with
        {
            Level = AlertLevel.WeeklyDigest,
            AccountId = "2026-W47",
            Owner = null,
            Digest = new Sync.Scoreboard.WeeklyDigest
            {
                TimeZone = "America/New_York",
                This = new Sync.Scoreboard.WeeklyDigestWeek("2026-W47", 11, null, sla, 2, 1, new Sync.Scoreboard.TierMovements(3, 1, 4, 2)),
                Previous = new Sync.Scoreboard.WeeklyDigestWeek("2026-W46", 7, null, sla, 0, 0),
                Accounts = new Sync.Scoreboard.DigestAccounts(12, 40, 9, 2, 0.75, conversion),
                ScoreboardUrl = new Uri("https://example.lightning.force.com/lightning/r/Dashboard/01Z000000000001AAA/view"),
                Notes = ["The account figures are partial <today>."],
            },
        };

        var message = SlackMessageRenderer.Render(alert, null);
        var text = message.ToJsonString(Relaxed);

        Assert.Contains("*Tier moves* 3 up, 1 down, 4 new, 2 recycled to nurture", text, StringComparison.Ordinal);
        Assert.Contains("*Accounts now* 12 Tier 1, 40 Tier 2 · 9 awaiting tier confirmation, 2 flagged wrong · Tier 1 touched in 14 days 75 %", text, StringComparison.Ordinal);
        Assert.Contains("*Conversion in 30 days* 25 % to a meeting, 20 % to an opportunity (120,000 pipeline) of 20 handoffs", text, StringComparison.Ordinal);
        Assert.Contains("&lt;today&gt;", text, StringComparison.Ordinal); // notes are escaped
        var button = message["blocks"]!.AsArray().Single(b => (string)b!["type"]! == "actions")!["elements"]![0]!;
        Assert.Equal("https://example.lightning.force.com/lightning/r/Dashboard/01Z000000000001AAA/view", (string)button["url"]!);
    }
}
