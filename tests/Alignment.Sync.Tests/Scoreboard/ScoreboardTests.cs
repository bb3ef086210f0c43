using System.Globalization;
using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.Sync.History;
using Alignment.Sync.Scoreboard;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Alignment.TestKit.Fakes;
using Alignment.TestKit.Scoring;
using Microsoft.Extensions.Time.Testing;

namespace Alignment.Sync.Tests.Scoreboard;

/// <summary>
/// The weekly scoreboard against hand-built ledgers (docs/scoreboard.md): owners in different time zones, a DST week,
/// a week with no handoffs, the commitment, the SLA as of the report, the week before.
/// </summary>
public sealed class ScoreboardTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly SlaPolicy Policy = DefaultScoringModel.Value.Sla;

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static HandoffRecord Handoff(string account, string at, string due, string? response = null, string owner = "005NY", string? zone = "America/New_York",
        string rule = "tier1-meeting", Tier tier = Tier.Tier1) => new()
    {
        AccountId = account,
        HandoffAt = Utc(at),
        Due = Utc(due),
        FirstResponseAt = response is null ? null : Utc(response),
        OwnerId = owner,
        OwnerTimeZone = zone,
        Rule = rule,
        Tier = tier,
    };

    [Fact]
    public void Build_OwnersInDifferentZones_ResponseTimesInEachOwnersBusinessHours()
    {
        var week = new TeamWeek(new IsoWeek(2026, 47), NewYork);
        HandoffRecord[] records =
        [
            // 09:00 → 11:00 New York: 2 business hours.
            Handoff("001A", "2026-11-19T14:00:00Z", "2026-11-19T17:00:00Z", "2026-11-19T16:00:00Z"),
            // 15:00 Berlin Thursday → 10:00 Berlin Friday: 2 h on Thursday + 1 h on Friday = 3 business hours (8 in New York's).
            Handoff("001B", "2026-11-19T14:00:00Z", "2026-11-20T10:00:00Z", "2026-11-20T09:00:00Z", owner: "005DE", zone: "Europe/Berlin"),
        ];

        var board = ScoreboardBuilder.Build(records, week, Policy, Utc("2026-11-21T12:00:00Z"), commitment: null);

        Assert.Equal((2.5, 3.0), (board.Sla.MedianResponseHours!.Value, board.Sla.P90ResponseHours!.Value));
        Assert.Equal(3.0, board.Owners.Single(o => o.OwnerId == "005DE").Sla.MedianResponseHours);
        Assert.Equal(2.0, board.Owners.Single(o => o.OwnerId == "005NY").Sla.MedianResponseHours);
        Assert.Equal((2, 0, 0, 1.0), (board.Sla.Met, board.Sla.Breached, board.Sla.Pending, board.Sla.Compliance!.Value));
    }

    [Fact]
    public void Build_SlaAsOfTheReport_SettledAnsweredLateOverdueAndPending()
    {
        var week = new TeamWeek(new IsoWeek(2026, 47), NewYork);
        HandoffRecord[] records =
        [
            Handoff("001A", "2026-11-16T15:00:00Z", "2026-11-16T18:00:00Z") with { Outcome = SlaStatus.Met, FirstResponseAt = Utc("2026-11-16T16:00:00Z") },
            Handoff("001B", "2026-11-17T15:00:00Z", "2026-11-17T18:00:00Z", "2026-11-17T19:00:00Z"),        // answered after its due
            Handoff("001C", "2026-11-18T15:00:00Z", "2026-11-18T18:00:00Z"),                                // unanswered, overdue
            Handoff("001D", "2026-11-20T15:00:00Z", "2026-11-23T15:00:00Z", rule: "pricing-surge", tier: Tier.Tier2), // due after the report
        ];

        var board = ScoreboardBuilder.Build(records, week, Policy, Utc("2026-11-21T12:00:00Z"), commitment: 5);

        Assert.Equal((1, 2, 1), (board.Sla.Met, board.Sla.Breached, board.Sla.Pending));
        Assert.Equal(1.0 / 3, board.Sla.Compliance!.Value, 6);
        Assert.Equal((4, 5, false), (board.Handoffs, board.Commitment!.Value, board.CommitmentMet!.Value));
        Assert.Equal([new CountBy<string>("tier1-meeting", 3), new CountBy<string>("pricing-surge", 1)], board.ByRule);
        Assert.Equal([new CountBy<Tier>(Tier.Tier1, 3), new CountBy<Tier>(Tier.Tier2, 1)], board.ByTier);
    }

    [Fact]
    public void Build_WeekWithoutHandoffs_ZerosAndNoRatesOrTimes()
    {
        var board = ScoreboardBuilder.Build([], new TeamWeek(new IsoWeek(2026, 47), NewYork), Policy, Utc("2026-11-21T12:00:00Z"), 10);

        Assert.Equal((0, 0, 0, 0), (board.Handoffs, board.Sla.Met, board.Sla.Breached, board.Sla.Pending));
        Assert.Null(board.Sla.Compliance);
        Assert.Null(board.Sla.MedianResponseHours);
        Assert.Null(board.Sla.P90ResponseHours);
        Assert.Empty(board.Owners);
        Assert.False(board.CommitmentMet);
    }

    [Fact]
    public void Build_RejectionsByReasonAndWrongTierFlags()
    {
        var week = new TeamWeek(new IsoWeek(2026, 47), NewYork);
        HandoffRecord[] records =
        [
            Handoff("001A", "2026-11-16T15:00:00Z", "2026-11-16T18:00:00Z") with { Status = HandoffStatus.Rejected, RejectionReason = "NotIcp", WrongTier = true },
            Handoff("001B", "2026-11-17T15:00:00Z", "2026-11-17T18:00:00Z") with { Status = HandoffStatus.Rejected, RejectionReason = "NotIcp" },
            Handoff("001C", "2026-11-18T15:00:00Z", "2026-11-18T18:00:00Z") with { Status = HandoffStatus.Rejected },
            Handoff("001D", "2026-11-18T15:00:00Z", "2026-11-18T18:00:00Z") with { WrongTier = true },
        ];

        var board = ScoreboardBuilder.Build(records, week, Policy, Utc("2026-11-21T12:00:00Z"), null);

        Assert.Equal([new CountBy<string>("NotIcp", 2), new CountBy<string>("(none)", 1)], board.Rejections);
        Assert.Equal(2, board.WrongTier);
    }

    [Fact]
    public void TeamWeek_DstWeekInNewYork_Is169HoursAndSpansTwoLedgerWeeks()
    {
        // US clocks go back on Sunday 2026-11-01: the New York week 2026-W44 runs Mon 26 Oct 04:00Z to Mon 2 Nov 05:00Z.
        var week = new TeamWeek(new IsoWeek(2026, 44), NewYork);

        Assert.Equal((Utc("2026-10-26T04:00:00Z"), Utc("2026-11-02T05:00:00Z")), (week.Start, week.End));
        Assert.Equal(TimeSpan.FromHours(169), week.End - week.Start);
        Assert.Equal([new IsoWeek(2026, 44), new IsoWeek(2026, 45)], week.LedgerWeeks);
        Assert.Equal(new IsoWeek(2026, 43), week.Previous().Week);
    }

    [Fact]
    public async Task Job_SundayEveningInNewYork_CountsInTheTeamsWeekAndComparesWithTheWeekBefore()
    {
        var history = new InMemoryHandoffHistory();
        await history.AddAsync(
        [
            // Sunday 1 Nov 23:30 New York = Monday 2 Nov 04:30Z: UTC week 45, team week 44.
            Handoff("001LATE", "2026-11-02T04:30:00Z", "2026-11-02T17:00:00Z"),
            Handoff("001W44", "2026-10-27T15:00:00Z", "2026-10-27T18:00:00Z", "2026-10-27T16:00:00Z"),
            Handoff("001W43", "2026-10-20T15:00:00Z", "2026-10-20T18:00:00Z", "2026-10-20T16:00:00Z"),
            Handoff("001W45", "2026-11-02T15:00:00Z", "2026-11-02T18:00:00Z"),
        ], TestContext.Current.CancellationToken);
        var options = new SyncOptions { ScoreboardTimeZone = "America/New_York", WeeklyHandoffCommitment = 2 };
        var time = new FakeTimeProvider(Utc("2026-11-04T12:00:00Z"));
        var job = new ScoreboardJob(history, new InMemoryWriteLog(), new InMemoryScoreboardHistory(), new InMemoryCrm(time), [],
            AlignmentRules.From(DefaultScoringModel.Value), Microsoft.Extensions.Options.Options.Create(options), time);

        var report = await job.RunAsync(new IsoWeek(2026, 44), readCrm: false, TestContext.Current.CancellationToken);

        Assert.Equal(("America/New_York", "2026-W44", "2026-W43"), (report.TimeZone, report.This.Week, report.Previous.Week));
        Assert.Equal((2, true), (report.This.Handoffs, report.This.CommitmentMet!.Value));
        Assert.Equal(1, report.Previous.Handoffs);
        Assert.Equal((1, 1), (report.This.Sla.Met, report.This.Sla.Breached));
    }
}
