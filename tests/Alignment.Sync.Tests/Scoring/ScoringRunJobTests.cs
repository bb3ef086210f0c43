using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.Sync.Crm;
using Alignment.Sync.Runs;
using Alignment.Sync.Scoring;
using Alignment.TestKit.Fakes;

namespace Alignment.Sync.Tests.Scoring;

public sealed class ScoringRunJobTests
{
    private readonly SyncHarness h = new();

    [Fact]
    public async Task RunAsync_FirstRun_FullRescoreWritesScoresTierAndHandoff()
    {
        h.Add(h.Hot("001HOT"));
        h.Add(SyncHarness.Warm("001WARM"));
        h.Add(SyncHarness.Cold("001COLD"));

        var result = await h.ScoreAsync();

        Assert.Equal(ScoringRunJob.FullKind, result.Kind);
        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        Assert.Equal(3, result.Read);
        var hot = h.Crm.Get("001HOT").Current;
        Assert.Equal(100, hot.Score);
        Assert.Equal(Tier.Tier1, hot.Tier);
        Assert.Equal(HandoffStatus.Pending, hot.HandoffStatus);
        Assert.Equal("tier1-meeting", hot.HandoffRule);
        Assert.Equal(h.Now, hot.HandoffAt);
        Assert.Equal(SlaStatus.OnTrack, hot.SlaStatus);
        Assert.True(hot.SlaDue > h.Now);
        Assert.Equal(h.Rules.ModelVersion, hot.ModelVersion);
        Assert.Equal(h.Now, hot.ScoredAt);
        Assert.False(string.IsNullOrEmpty(hot.Reasons));
        var warm = h.Crm.Get("001WARM").Current;
        Assert.Equal((40, Tier.Tier3, HandoffStatus.None), (warm.Score, warm.Tier, warm.HandoffStatus));
        Assert.Equal(1, result.Handoffs);
    }

    [Fact]
    public async Task RunAsync_FirstRun_SavesCheckpointAndLedgerRow()
    {
        h.Add(h.Hot("001HOT"), TimeSpan.FromHours(3));
        h.Add(SyncHarness.Warm("001WARM"), TimeSpan.FromHours(2));

        var result = await h.ScoreAsync();

        var checkpoint = (await h.Checkpoints.GetAsync("memory:scoring", TestContext.Current.CancellationToken))!.Value;
        Assert.Equal(h.Now.AddHours(-2).AddTicks(1), checkpoint.ModifiedSince);
        Assert.Equal(h.Now, checkpoint.LastFullRunAt);
        var row = Assert.Single(h.Runs.All);
        Assert.Equal((ScoringRunJob.FullKind, "memory", RunOutcome.Succeeded), (row.Kind, row.Crm, row.Outcome));
        Assert.Equal((2, 2, 2, 2, 0), (row.Read, row.Scored, row.Changed, row.Written, row.Failed));
        Assert.Equal(h.Crm.Calls, row.ApiCalls);
        Assert.Equal(result.ApiCalls, row.ApiCalls);
        Assert.Equal(h.Rules.ModelVersion, row.ModelVersion);
    }

    [Fact]
    public async Task RunAsync_RerunWithoutCrmChange_MakesNoWriteCalls()
    {
        h.Add(h.Hot("001HOT"));
        h.Add(SyncHarness.Warm("001WARM"));
        h.Add(SyncHarness.Cold("001COLD"));
        await h.ScoreAsync();
        var writeCalls = h.Crm.WriteCalls;

        h.Time.Advance(TimeSpan.FromMinutes(15));
        var again = await h.ScoreAsync();
        h.Time.Advance(TimeSpan.FromMinutes(15));
        var third = await h.ScoreAsync();

        Assert.Equal(writeCalls, h.Crm.WriteCalls);
        Assert.Equal((0, 0), (again.Written, third.Written));
        Assert.Equal(ScoringRunJob.IncrementalKind, again.Kind);
    }

    [Fact]
    public async Task RunAsync_Incremental_ReadsOnlyAccountsChangedSinceCheckpoint()
    {
        h.Add(SyncHarness.Warm("001WARM"), TimeSpan.FromDays(3));
        h.Add(SyncHarness.Cold("001COLD"), TimeSpan.FromDays(2));
        h.Add(SyncHarness.Cold("001COLD2"), TimeSpan.FromDays(1));
        await h.ScoreAsync();
        h.Time.Advance(TimeSpan.FromMinutes(15));
        await h.ScoreAsync();

        h.Time.Advance(TimeSpan.FromMinutes(15));
        h.Crm.Update("001COLD", a => a with { Industry = "Software", Employees = 300 }, h.Now);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var result = await h.ScoreAsync();

        Assert.Equal(ScoringRunJob.IncrementalKind, result.Kind);
        Assert.Equal(1, result.Read);
        Assert.Equal(1, result.Written);
        Assert.Equal(60, h.Crm.Get("001COLD").Current.Fit);
    }

    [Fact]
    public async Task RunAsync_TierLockedByHuman_KeepsTierWritesScore()
    {
        h.Add(h.Hot("001HOT").WithTier(Tier.Tier3, locked: true));

        await h.ScoreAsync();

        var state = h.Crm.Get("001HOT").Current;
        Assert.Equal(Tier.Tier3, state.Tier);
        Assert.True(state.TierLocked);
        Assert.Equal(100, state.Score);
        Assert.DoesNotContain(h.Crm.Writes, w => w.Fields.Contains(AlignmentField.Tier) || w.Fields.Contains(AlignmentField.TierLocked));
    }

    [Fact]
    public async Task RunAsync_AcceptedHandoff_NoNewHandoffAndStatusKept()
    {
        h.Add(h.Hot("001HOT").WithCurrent(c => c with { HandoffStatus = HandoffStatus.Accepted, HandoffRule = "mqa", HandoffAt = h.Now.AddDays(-3) }));

        var result = await h.ScoreAsync();

        var state = h.Crm.Get("001HOT").Current;
        Assert.Equal(HandoffStatus.Accepted, state.HandoffStatus);
        Assert.Equal("mqa", state.HandoffRule);
        Assert.Equal(0, result.Handoffs);
    }

    [Theory]
    [InlineData(HandoffStatus.Rejected)]
    [InlineData(HandoffStatus.Recycled)]
    public async Task RunAsync_ClosedHandoffPastCoolDownWithNewSignals_HandsOffAgain(HandoffStatus closed)
    {
        var old = h.Now.AddDays(-31);
        h.Add(h.Hot("001HOT").WithCurrent(c => c with { HandoffStatus = closed, HandoffRule = "mqa", HandoffAt = old, SlaDue = old.AddHours(16) }));

        var result = await h.ScoreAsync();

        var state = h.Crm.Get("001HOT").Current;
        Assert.Equal((HandoffStatus.Pending, "tier1-meeting", h.Now), (state.HandoffStatus, state.HandoffRule, state.HandoffAt));
        Assert.Equal(SlaStatus.OnTrack, state.SlaStatus);
        Assert.Equal(1, result.Handoffs);
    }

    [Fact]
    public async Task RunAsync_AnsweredPendingWithinCoolDown_NoNewHandoff()
    {
        // Answered ten days ago: the handoff is closed, but the 30-day cool-down runs from the answer.
        var handoffAt = h.Now.AddDays(-12);
        h.Add(h.Hot("001HOT").WithCurrent(c => c with
        {
            HandoffStatus = HandoffStatus.Pending, HandoffRule = "mqa", HandoffAt = handoffAt, SlaDue = handoffAt.AddDays(1),
            SlaStatus = SlaStatus.Met, FirstResponseAt = h.Now.AddDays(-10),
        }));

        var result = await h.ScoreAsync();

        Assert.Equal(handoffAt, h.Crm.Get("001HOT").Current.HandoffAt);
        Assert.Equal(0, result.Handoffs);
    }

    [Fact]
    public async Task RunAsync_AnsweredPendingPastCoolDown_NewHandoffOnNewSignals()
    {
        var handoffAt = h.Now.AddDays(-40);
        h.Add(h.Hot("001HOT").WithCurrent(c => c with
        {
            HandoffStatus = HandoffStatus.Pending, HandoffRule = "mqa", HandoffAt = handoffAt, SlaDue = handoffAt.AddDays(1),
            SlaStatus = SlaStatus.Met, FirstResponseAt = handoffAt.AddHours(2),
        }));

        var result = await h.ScoreAsync();

        var state = h.Crm.Get("001HOT").Current;
        Assert.Equal((h.Now, (DateTimeOffset?)null, SlaStatus.OnTrack), (state.HandoffAt!.Value, state.FirstResponseAt, state.SlaStatus!.Value));
        Assert.Equal(1, result.Handoffs);
    }

    [Fact]
    public async Task RunAsync_Tier1NeverConfirmed_FlagsReviewDueAndAConfirmationClearsIt()
    {
        h.Add(h.Hot("001HOT"));
        h.Add(SyncHarness.Warm("001WARM"));
        await h.ScoreAsync();
        Assert.True(h.Crm.Get("001HOT").Current.ReviewDue);
        Assert.False(h.Crm.Get("001WARM").Current.ReviewDue); // Tier 3 needs no confirmation

        h.Time.Advance(TimeSpan.FromHours(1));
        h.Crm.Update("001HOT", a => a with { Current = a.Current! with { TierConfirmedAt = h.Now } }, h.Now);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.ScoreAsync();
        Assert.False(h.Crm.Get("001HOT").Current.ReviewDue);
        Assert.DoesNotContain(h.Crm.Writes, w => w.Fields.Contains(AlignmentField.TierConfirmedAt)); // a person's field

        // A week later the nightly full run puts the account back on the review's list.
        h.Time.Advance(TimeSpan.FromDays(7));
        await h.ScoreAsync(full: true);
        Assert.True(h.Crm.Get("001HOT").Current.ReviewDue);
    }

    [Fact]
    public async Task RunAsync_WrongTierFlag_PutsATier3AccountOnTheReviewList()
    {
        h.Add(SyncHarness.Warm("001WARM").WithCurrent(c => c with { WrongTier = true }));

        await h.ScoreAsync();

        Assert.True(h.Crm.Get("001WARM").Current.ReviewDue);
    }

    [Fact]
    public async Task RunAsync_TierChange_AppendsTierHistory()
    {
        h.Add(h.Hot("001HOT"));
        h.Add(SyncHarness.Cold("001COLD"));

        await h.ScoreAsync();

        var record = Assert.Single(h.TierHistory.All);
        Assert.Equal(("001HOT", Tier.Tier1, 100, h.Now), (record.AccountId, record.Tier, record.Score, record.At));
    }

    [Fact]
    public async Task RunAsync_PermanentWriteFailure_ReportedAndCheckpointPasses()
    {
        h.Add(SyncHarness.Warm("001A"), TimeSpan.FromHours(3));
        h.Add(SyncHarness.Warm("001B"), TimeSpan.FromHours(2));
        h.Crm.FailWrites("001A", transient: false);

        var result = await h.ScoreAsync();

        var failure = Assert.Single(result.PermanentFailures);
        Assert.Equal(("001A", "FIELD_CUSTOM_VALIDATION_EXCEPTION"), (failure.AccountId, failure.ErrorCode));
        Assert.Equal((1, 1), (result.Written, result.Failed));
        Assert.Equal(h.Now.AddHours(-2).AddTicks(1), result.CheckpointAfter);
    }

    [Fact]
    public async Task RunAsync_TransientWriteFailure_CheckpointHeldAndRetriedNextRun()
    {
        h.Add(SyncHarness.Warm("001A"), TimeSpan.FromHours(3));
        h.Add(SyncHarness.Warm("001B"), TimeSpan.FromHours(2));
        h.Add(SyncHarness.Warm("001C"), TimeSpan.FromHours(1));
        h.Crm.FailWrites("001B", transient: true);

        var first = await h.ScoreAsync();
        Assert.Equal(h.Now.AddHours(-2), first.CheckpointAfter);
        Assert.Null(h.Crm.Get("001B").Current.Score);

        h.Time.Advance(TimeSpan.FromMinutes(15));
        var second = await h.ScoreAsync();

        Assert.Equal(1, second.Written);
        Assert.Equal(40, h.Crm.Get("001B").Current.Score);
        Assert.All(h.Crm.Writes.GroupBy(w => w.AccountId), g => Assert.Single(g));
    }

    [Fact]
    public async Task RunAsync_Crm503BurstOnWrite_BatchRetriedNextRun()
    {
        h.Options.WriteBatchSize = 2;
        for (var i = 0; i < 5; i++)
        {
            h.Add(SyncHarness.Warm($"001A{i}"), TimeSpan.FromHours(5 - i));
        }

        // Calls: read (1), write batch 1 (2), write batch 2 (3) fails, write batch 3 (4) fails with 429.
        h.Crm.PageSize = 100;
        h.Crm.FailCall(3, 503).FailCall(4, 429, TimeSpan.FromSeconds(10));

        var first = await h.ScoreAsync();
        Assert.Equal((2, 3), (first.Written, first.Failed));
        Assert.Equal(h.Now.AddHours(-3), first.CheckpointAfter);

        h.Time.Advance(TimeSpan.FromMinutes(15));
        await h.ScoreAsync();

        Assert.All(h.Crm.All, a => Assert.Equal(40, a.Current.Score));
        Assert.All(h.Crm.Writes.GroupBy(w => w.AccountId), g => Assert.Single(g));
    }

    [Fact]
    public async Task RunAsync_Crm503OnRead_FailsKeepsCheckpointAndRerunCatchesUp()
    {
        h.Add(SyncHarness.Warm("001A"));
        h.Crm.FailCall(1, 503);

        var first = await h.ScoreAsync();

        Assert.Equal(RunOutcome.Failed, first.Outcome);
        Assert.Equal(0, h.Checkpoints.SaveCount);
        Assert.Equal(RunOutcome.Failed, Assert.Single(h.Runs.All).Outcome);

        var second = await h.ScoreAsync();
        Assert.Equal(RunOutcome.Succeeded, second.Outcome);
        Assert.Equal(40, h.Crm.Get("001A").Current.Score);
    }

    [Fact]
    public async Task RunAsync_BudgetExhausted_StopsCleanlyAndRerunWritesEachAccountOnce()
    {
        h.Options.WriteBatchSize = 2;
        h.Crm.PageSize = 2;
        for (var i = 0; i < 6; i++)
        {
            h.Add(SyncHarness.Warm($"001A{i}"), TimeSpan.FromHours(6 - i));
        }

        // read p1 (1), write b1 (2), read p2 (3); the next write finds the budget used up.
        h.Crm.BudgetCalls = 3;
        var first = await h.ScoreAsync();

        Assert.Equal(RunOutcome.StoppedAtBudget, first.Outcome);
        Assert.Equal(2, first.Written);
        Assert.Equal(h.Now.AddHours(-4), first.CheckpointAfter);
        Assert.Equal(RunOutcome.StoppedAtBudget, h.Runs.All[^1].Outcome);
        Assert.Null((await h.Checkpoints.GetAsync("memory:scoring", TestContext.Current.CancellationToken))!.Value.LastFullRunAt);

        h.Crm.BudgetCalls = null;
        h.Time.Advance(TimeSpan.FromMinutes(15));
        var second = await h.ScoreAsync();

        Assert.Equal(RunOutcome.Succeeded, second.Outcome);
        Assert.All(h.Crm.All, a => Assert.Equal(40, a.Current.Score));
        Assert.All(h.Crm.Writes.GroupBy(w => w.AccountId), g => Assert.Single(g));
        Assert.Equal(6, h.Crm.Writes.Count);
    }

    [Fact]
    public async Task RunAsync_CrashAfterCrmWriteBeforeCheckpoint_RerunWritesNothingTwice()
    {
        h.Add(h.Hot("001HOT"));
        h.Add(SyncHarness.Warm("001WARM"));
        h.Crm.CrashAfterWriteCall(1);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.ScoreAsync());
        Assert.Equal(0, h.Checkpoints.SaveCount);
        var writesBefore = h.Crm.Writes.Count;

        h.Crm.AfterWrite = null;
        h.Time.Advance(TimeSpan.FromMinutes(15));
        var rerun = await h.ScoreAsync();

        Assert.Equal(RunOutcome.Succeeded, rerun.Outcome);
        Assert.Equal(0, rerun.Written);
        Assert.Equal(writesBefore, h.Crm.Writes.Count);
        Assert.Equal(Tier.Tier1, h.Crm.Get("001HOT").Current.Tier);
        Assert.Equal(HandoffStatus.Pending, h.Crm.Get("001HOT").Current.HandoffStatus);
        Assert.Equal(1, h.Checkpoints.SaveCount);
    }

    [Fact]
    public async Task RunAsync_CrashWhileSavingCheckpoint_RerunWritesNothingTwice()
    {
        h.Add(SyncHarness.Warm("001A"));
        h.Checkpoints.BeforeSave = (_, _) => throw new SimulatedCrashException();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.ScoreAsync());
        h.Checkpoints.BeforeSave = null;
        var rerun = await h.ScoreAsync();

        Assert.Equal(0, rerun.Written);
        Assert.Single(h.Crm.Writes);
    }

    [Fact]
    public async Task RunAsync_NewModelVersionSameScores_WritesOnlyTheVersionOnce()
    {
        h.Add(SyncHarness.Warm("001A"));
        await h.ScoreAsync();
        h.Crm.Update("001A", a => a with { Current = a.Current with { ModelVersion = "2025.01.0" } }, h.Now);

        h.Time.Advance(TimeSpan.FromMinutes(15));
        var wave = await h.ScoreAsync();
        h.Time.Advance(TimeSpan.FromMinutes(15));
        var after = await h.ScoreAsync(full: true);

        // The model-version wave: the version names the model that produced the values; then nothing to write.
        Assert.Equal((1, 0), (wave.Written, after.Written));
        Assert.Equal([AlignmentField.ModelVersion, AlignmentField.ScoredAt], h.Crm.Writes[^1].Fields.Order());
        Assert.Equal(h.Rules.ModelVersion, h.Crm.Get("001A").Current.ModelVersion);
    }

    [Theory]
    [InlineData(null, "2026-11-20T15:00:00Z", true)]
    [InlineData("2026-11-20T02:10:00Z", "2026-11-20T15:00:00Z", false)]
    [InlineData("2026-11-19T02:10:00Z", "2026-11-20T15:00:00Z", true)]
    [InlineData("2026-11-19T02:10:00Z", "2026-11-20T01:59:00Z", false)]
    [InlineData("2026-11-19T02:10:00Z", "2026-11-20T02:00:00Z", true)]
    public void FullRescoreDue_ByNightlyHour(string? lastFull, string now, bool expected)
    {
        var last = lastFull is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(lastFull, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, ScoringRunJob.FullRescoreDue(last, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), 2));
    }

    [Fact]
    public async Task RunAsync_NightlyHourPassed_RunsFullRescore()
    {
        h.Add(SyncHarness.Warm("001A"), TimeSpan.FromDays(5));
        await h.ScoreAsync();
        h.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ScoringRunJob.IncrementalKind, (await h.ScoreAsync()).Kind);

        h.Time.Advance(TimeSpan.FromHours(12)); // past 02:00 UTC the next day
        var result = await h.ScoreAsync();

        Assert.Equal(ScoringRunJob.FullKind, result.Kind);
        Assert.Equal(1, result.Read);
    }
}
