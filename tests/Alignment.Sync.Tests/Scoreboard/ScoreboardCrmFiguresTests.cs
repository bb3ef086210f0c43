using System.Runtime.CompilerServices;
using Alignment.Core.Accounts;
using Alignment.Core.Calibration;
using Alignment.Core.Handoffs;
using Alignment.Core.Signals;
using Alignment.Core.Tiers;
using Alignment.Sync.Calibration;
using Alignment.Sync.Crm;
using Alignment.Sync.History;
using Alignment.Sync.Scoreboard;
using Alignment.Sync.Settings;
using Alignment.TestKit.Builders;

namespace Alignment.Sync.Tests.Scoreboard;

/// <summary>
/// The scoreboard's figures beyond the handoff ledger (docs/scoreboard.md): tier movements from the write log, the
/// accounts census and the conversion from the CRM, the stored weeks — each against hand-built state.
/// </summary>
public sealed class ScoreboardCrmFiguresTests
{
    // Friday 2026-11-20 15:00 UTC (SyncHarness.T0); team zone New York: week 2026-W47 is Mon 16 Nov 05:00Z to Mon 23 Nov 05:00Z.
    private readonly SyncHarness _h = new(new SyncOptions { ScoreboardTimeZone = "America/New_York" });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AccountChange Write(string account, DateTimeOffset at, params (AlignmentField Field, string? Old, string? New)[] changes) =>
        new(account, at, "run-" + at.ToUnixTimeSeconds(), [.. changes.Select(c => new Alignment.Sync.History.FieldChange(c.Field, c.Old, c.New))]);

    [Fact]
    public async Task Movements_FirstTierOfTheWeekAgainstTheLast_UpDownNewAndRecycled()
    {
        var monday = new DateTimeOffset(2026, 11, 16, 14, 0, 0, TimeSpan.Zero);
        await _h.WriteLog.AppendAsync(
        [
            Write("001UP", monday, (AlignmentField.Tier, "Tier3", "Tier2"), (AlignmentField.Score, "40", "60")),
            Write("001UP", monday.AddDays(2), (AlignmentField.Tier, "Tier2", "Tier1")),
            Write("001NEW", monday, (AlignmentField.Tier, null, "Tier3")),
            Write("001DOWN", monday.AddDays(1), (AlignmentField.Tier, "Tier1", "Tier2")),
            Write("001ROUND", monday, (AlignmentField.Tier, "Tier2", "Tier1")),
            Write("001ROUND", monday.AddDays(1), (AlignmentField.Tier, "Tier1", "Tier2")),
            Write("001GONE", monday, (AlignmentField.Tier, "Tier3", "None")),
            Write("001RECYCLED", monday.AddDays(3), (AlignmentField.HandoffStatus, "Pending", "Recycled")),
            Write("001SCORE", monday, (AlignmentField.Score, "10", "12")), // not a movement
            Write("001LASTWEEK", monday.AddDays(-3), (AlignmentField.Tier, "Tier3", "Tier1")),
            // Sunday 22 Nov 23:30 New York = Monday 23 Nov 04:30Z: UTC week 48, team week 47.
            Write("001SUNDAY", new DateTimeOffset(2026, 11, 23, 4, 30, 0, TimeSpan.Zero), (AlignmentField.Tier, "Tier2", "Tier1")),
        ], Ct);

        var report = await _h.ScoreboardJob().RunAsync(new IsoWeek(2026, 47), readCrm: false, Ct);

        Assert.Equal(new TierMovements(Up: 2, Down: 2, New: 1, Recycled: 1), report.This.Movements);
        Assert.Equal(new TierMovements(Up: 1, Down: 0, New: 0, Recycled: 0), report.Previous.Movements);
    }

    [Fact]
    public async Task Census_TiersLocksReviewListAndCoverage_AsTheCrmHoldsThem()
    {
        var now = _h.Now;
        void Put(string id, Tier tier, Func<AlignmentState, AlignmentState>? change = null, params Signal[] signals) =>
            _h.Crm.Put(AccountBuilder.AnAccount().WithId(id).WithCurrent(c => (change ?? (x => x))(c with { Tier = tier })).WithSignals(signals).Build(), now.AddDays(-1));
        Put("001T1A", Tier.Tier1, c => c with { TierConfirmedAt = now.AddDays(-2) }, new Signal(SignalKind.SalesTouch, now.AddDays(-3)));
        Put("001T1B", Tier.Tier1, c => c with { TierConfirmedAt = now.AddDays(-8) }, new Signal(SignalKind.SalesTouch, now.AddDays(-20)));
        Put("001T1C", Tier.Tier1, c => c with { TierLocked = true }, new Signal(SignalKind.EmailOpen, now.AddDays(-1)));
        Put("001T2A", Tier.Tier2, c => c with { TierConfirmedAt = now.AddDays(-10) }, new Signal(SignalKind.SalesTouch, now.AddDays(-13)));
        Put("001T2B", Tier.Tier2, c => c with { ReviewDue = true, TierConfirmedAt = now.AddDays(-1) }); // the connector knows the tier changed since
        Put("001T3", Tier.Tier3, c => c with { WrongTier = true });
        Put("001NONE", Tier.None);

        var census = (await _h.ScoreboardJob().RunAsync(null, readCrm: true, Ct)).Census!;

        Assert.Equal((7, now), (census.Accounts, census.AsOf));
        Assert.Equal([(Tier.Tier1, 3), (Tier.Tier2, 2), (Tier.Tier3, 1), (Tier.None, 1)], census.ByTier.Select(c => (c.Key, c.Count)));
        Assert.Equal(1, census.Locked);
        Assert.Equal(new ReviewQueue(Tier1: 2, Tier2: 1, FlaggedWrong: 1), census.Review);
        Assert.Equal([(Tier.Tier1, 3, 1), (Tier.Tier2, 2, 1)], census.Coverage.Select(c => (c.Tier, c.Accounts, c.Touched)));
    }

    [Fact]
    public async Task Conversion_CohortsThatHadTheirFullWindow_MeetingsOpportunitiesAndPipeline()
    {
        var now = _h.Now;
        HandoffRecord Handoff(string account, double daysAgo) => new()
        {
            AccountId = account, HandoffAt = now.AddDays(-daysAgo), Due = now.AddDays(-daysAgo).AddHours(4), Rule = "mqa", Tier = Tier.Tier1,
        };
        await _h.History.AddAsync(
        [
            Handoff("001MEET", 40),   // 30-day cohort: [now-60d, now-30d)
            Handoff("001OPP", 50),    // 30-day cohort
            Handoff("001LATEOPP", 70), // 60-day cohort: [now-90d, now-60d); opportunity 45 days after: in 60, not in 30
            Handoff("001YOUNG", 10),  // in no cohort yet
        ], Ct);
        _h.Crm.Put(AccountBuilder.AnAccount().WithId("001MEET").WithSignal(new Signal(SignalKind.MeetingBooked, now.AddDays(-35))).Build(), now.AddDays(-1));
        _h.Crm.Put(AccountBuilder.AnAccount().WithId("001OPP").WithSignal(new Signal(SignalKind.MeetingBooked, now.AddDays(-55))).Build(), now.AddDays(-1)); // before its handoff
        _h.Crm.Put(AccountBuilder.AnAccount().WithId("001LATEOPP").Build(), now.AddDays(-1));
        _h.Crm.Put(AccountBuilder.AnAccount().WithId("001YOUNG").WithSignal(new Signal(SignalKind.MeetingBooked, now.AddDays(-5))).Build(), now.AddDays(-1));
        var outcomes = new Outcomes(
            new Opportunity("006A", "001OPP", now.AddDays(-40), null, null, 50_000m),
            new Opportunity("006B", "001LATEOPP", now.AddDays(-25), now.AddDays(-2), true, 20_000m),
            new Opportunity("006C", "001YOUNG", now.AddDays(-2), null, null, 99_000m));

        var report = await _h.ScoreboardJob(outcomes).RunAsync(null, readCrm: true, Ct);

        var c30 = report.Conversions.Single(c => c.Days == 30);
        Assert.Equal((now.AddDays(-60), now.AddDays(-30)), (c30.CohortFrom, c30.CohortTo));
        Assert.Equal((2, 1, 1, 50_000m), (c30.Handoffs, c30.WithMeeting, c30.WithOpportunity, c30.Pipeline));
        Assert.Equal((0.5, 0.5), (c30.MeetingRate, c30.OpportunityRate));
        var c60 = report.Conversions.Single(c => c.Days == 60);
        Assert.Equal((1, 0, 1, 20_000m), (c60.Handoffs, c60.WithMeeting, c60.WithOpportunity, c60.Pipeline));
        Assert.Empty(report.Notes);
        Assert.Equal(now.AddDays(-90), outcomes.CreatedSince);
    }

    [Fact]
    public async Task Conversion_WithoutAnOutcomeReader_MeetingsOnlyAndSaysWhy()
    {
        await _h.History.AddAsync([new HandoffRecord { AccountId = "001A", HandoffAt = _h.Now.AddDays(-40), Due = _h.Now.AddDays(-39), Rule = "mqa" }], Ct);
        _h.Crm.Put(AccountBuilder.AnAccount().WithId("001A").Build(), _h.Now.AddDays(-1));

        var report = await _h.ScoreboardJob().RunAsync(null, readCrm: true, Ct);

        var c30 = report.Conversions.Single(c => c.Days == 30);
        Assert.Equal((1, 0, (int?)null, (decimal?)null, (double?)null), (c30.Handoffs, c30.WithMeeting, c30.WithOpportunity, c30.Pipeline, c30.OpportunityRate));
        Assert.Contains("reads no opportunities", Assert.Single(report.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheCrm_NoCrmCallAndNoCrmFigures()
    {
        _h.Crm.Put(AccountBuilder.AnAccount().WithId("001A").Build(), _h.Now.AddDays(-1));

        var report = await _h.ScoreboardJob().RunAsync(null, readCrm: false, Ct);

        Assert.Equal(0, _h.Crm.Calls);
        Assert.Null(report.Census);
        Assert.Empty(report.Conversions);
    }

    [Fact]
    public async Task Trend_StoredWeeksBeforeTheReportedOne_NewestFirst()
    {
        StoredScoreboardWeek Row(string week) => new(_h.Crm.Name, "America/New_York", _h.Now,
            new WeeklyScoreboard { Week = week, From = _h.Now, To = _h.Now, Sla = new SlaFigures(0, 0, 0, null, null, null) }, null);
        foreach (var week in new[] { "2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48" })
        {
            await _h.Scoreboards.SaveAsync(Row(week), Ct);
        }

        await _h.Scoreboards.SaveAsync(Row("2026-W45") with { Crm = "other" }, Ct);

        var report = await _h.ScoreboardJob().RunAsync(new IsoWeek(2026, 47), readCrm: false, Ct);

        Assert.Equal(["2026-W46", "2026-W45", "2026-W44"], report.Trend.Select(r => r.Scoreboard.Week));
    }

    private sealed class Outcomes(params Opportunity[] opportunities) : IOutcomeReader
    {
        public DateTimeOffset? CreatedSince { get; private set; }

        public IAsyncEnumerable<Opportunity> ReadClosedAsync(DateTimeOffset closedSince, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The scoreboard reads created opportunities only.");

        public async IAsyncEnumerable<Opportunity> ReadCreatedAsync(DateTimeOffset createdSince, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            CreatedSince = createdSince;
            foreach (var opportunity in opportunities.Where(o => o.CreatedAt >= createdSince))
            {
                await Task.Yield();
                yield return opportunity;
            }
        }
    }
}
