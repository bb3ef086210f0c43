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
    private readonly SyncHarness _h = new();

    [Fact]
    public async Task RunAsync_FirstRun_FullRescoreWritesScoresTierAndHandoff()
    {
        _h.Add(_h.Hot("001HOT"));
        _h.Add(SyncHarness.Warm("001WARM"));
        _h.Add(SyncHarness.Cold("001COLD"));

        var result = await _h.ScoreAsync();

        Assert.Equal(ScoringRunJob.FullKind, result.Kind);
        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        Assert.Equal(3, result.Read);
        var hot = _h.Crm.Get("001HOT").Current;
        Assert.Equal(100, hot.Score);
        Assert.Equal(Tier.Tier1, hot.Tier);
        Assert.Equal(HandoffStatus.Pending, hot.HandoffStatus);
        Assert.Equal("tier1-meeting", hot.HandoffRule);
        Assert.Equal(_h.Now, hot.HandoffAt);
        Assert.Equal(SlaStatus.OnTrack, hot.SlaStatus);
        Assert.True(hot.SlaDue > _h.Now);
        Assert.Equal(_h.Rules.ModelVersion, hot.ModelVersion);
        Assert.Equal(_h.Now, hot.ScoredAt);
        Assert.False(string.IsNullOrEmpty(hot.Reasons));
        var warm = _h.Crm.Get("001WARM").Current;
        Assert.Equal((40, Tier.Tier3, HandoffStatus.None), (warm.Score, warm.Tier, warm.HandoffStatus));
        Assert.Equal(1, result.Handoffs);
    }

    [Fact]
    public async Task RunAsync_FirstRun_SavesCheckpointAndLedgerRow()
    {
        _h.Add(_h.Hot("001HOT"), TimeSpan.FromHours(3));
        _h.Add(SyncHarness.Warm("001WARM"), TimeSpan.FromHours(2));

        var result = await _h.ScoreAsync();

        var checkpoint = (await _h.Checkpoints.GetAsync("memory:scoring", TestContext.Current.CancellationToken))!.Value;
        Assert.Equal(_h.Now.AddHours(-2).AddTicks(1), checkpoint.ModifiedSince);
        Assert.Equal(_h.Now, checkpoint.LastFullRunAt);
        var row = Assert.Single(_h.Runs.All);
        Assert.Equal((ScoringRunJob.FullKind, "memory", RunOutcome.Succeeded), (row.Kind, row.Crm, row.Outcome));
        Assert.Equal((2, 2, 2, 2, 0), (row.Read, row.Scored, row.Changed, row.Written, row.Failed));
        Assert.Equal(_h.Crm.Calls, row.ApiCalls);
        Assert.Equal(result.ApiCalls, row.ApiCalls);
        Assert.Equal(_h.Rules.ModelVersion, row.ModelVersion);
    }

    [Fact]
    public async Task RunAsync_RerunWithoutCrmChange_MakesNoWriteCalls()
    {
        _h.Add(_h.Hot("001HOT"));
        _h.Add(SyncHarness.Warm("001WARM"));
        _h.Add(SyncHarness.Cold("001COLD"));
        await _h.ScoreAsync();
        var writeCalls = _h.Crm.WriteCalls;

        _h.Time.Advance(TimeSpan.FromMinutes(15));
        var again = await _h.ScoreAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(15));
        var third = await _h.ScoreAsync();

        Assert.Equal(writeCalls, _h.Crm.WriteCalls);
        Assert.Equal((0, 0), (again.Written, third.Written));
        Assert.Equal(ScoringRunJob.IncrementalKind, again.Kind);
    }

    [Fact]
    public async Task RunAsync_Incremental_ReadsOnlyAccountsChangedSinceCheckpoint()
    {
        _h.Add(SyncHarness.Warm("001WARM"), TimeSpan.FromDays(3));
        _h.Add(SyncHarness.Cold("001COLD"), TimeSpan.FromDays(2));
        _h.Add(SyncHarness.Cold("001COLD2"), TimeSpan.FromDays(1));
        await _h.ScoreAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(15));
        await _h.ScoreAsync();

        _h.Time.Advance(TimeSpan.FromMinutes(15));
        _h.Crm.Update("001COLD", a => a with { Industry = "Software", Employees = 300 }, _h.Now);
        _h.Time.Advance(TimeSpan.FromMinutes(1));
        var result = await _h.ScoreAsync();

        Assert.Equal(ScoringRunJob.IncrementalKind, result.Kind);
        Assert.Equal(1, result.Read);
        Assert.Equal(1, result.Written);
        Assert.Equal(60, _h.Crm.Get("001COLD").Current.Fit);
    }

    [Fact]
    public async Task RunAsync_TierLockedByHuman_KeepsTierWritesScore()
    {
        _h.Add(_h.Hot("001HOT").WithTier(Tier.Tier3, locked: true));

        await _h.ScoreAsync();

        var state = _h.Crm.Get("001HOT").Current;
        Assert.Equal(Tier.Tier3, state.Tier);
        Assert.True(state.TierLocked);
        Assert.Equal(100, state.Score);
        Assert.DoesNotContain(_h.Crm.Writes, w => w.Fields.Contains(AlignmentField.Tier) || w.Fields.Contains(AlignmentField.TierLocked));
    }

    [Fact]
    public async Task RunAsync_AcceptedHandoff_NoNewHandoffAndStatusKept()
    {
        _h.Add(_h.Hot("001HOT").WithCurrent(c => c with { HandoffStatus = HandoffStatus.Accepted, HandoffRule = "mqa", HandoffAt = _h.Now.AddDays(-3) }));

        var result = await _h.ScoreAsync();

        var state = _h.Crm.Get("001HOT").Current;
        Assert.Equal(HandoffStatus.Accepted, state.HandoffStatus);
        Assert.Equal("mqa", state.HandoffRule);
        Assert.Equal(0, result.Handoffs);
    }

    [Theory]
    [InlineData(HandoffStatus.Rejected)]
    [InlineData(HandoffStatus.Recycled)]
    public async Task RunAsync_ClosedHandoffPastCoolDownWithNewSignals_HandsOffAgain(HandoffStatus closed)
    {
        var old = _h.Now.AddDays(-31);
        _h.Add(_h.Hot("001HOT").WithCurrent(c => c with { HandoffStatus = closed, HandoffRule = "mqa", HandoffAt = old, SlaDue = old.AddHours(16) }));

        var result = await _h.ScoreAsync();

        var state = _h.Crm.Get("001HOT").Current;
        Assert.Equal((HandoffStatus.Pending, "tier1-meeting", _h.Now), (state.HandoffStatus, state.HandoffRule, state.HandoffAt));
        Assert.Equal(SlaStatus.OnTrack, state.SlaStatus);
        Assert.Equal(1, result.Handoffs);
    }

    [Fact]
    public async Task RunAsync_AnsweredPendingWithinCoolDown_NoNewHandoff()
    {
        // Answered ten days ago: the handoff is closed, but the 30-day cool-down runs from the answer.
        var handoffAt = _h.Now.AddDays(-12);
        _h.Add(_h.Hot("001HOT").WithCurrent(c => c with
        {
            HandoffStatus = HandoffStatus.Pending, HandoffRule = "mqa", HandoffAt = handoffAt, SlaDue = handoffAt.AddDays(1),
            SlaStatus = SlaStatus.Met, FirstResponseAt = _h.Now.AddDays(-10),
        }));

        var result = await _h.ScoreAsync();

        Assert.Equal(handoffAt, _h.Crm.Get("001HOT").Current.HandoffAt);
        Assert.Equal(0, result.Handoffs);
    }

    [Fact]
    public async Task RunAsync_AnsweredPendingPastCoolDown_NewHandoffOnNewSignals()
    {
        var handoffAt = _h.Now.AddDays(-40);
        _h.Add(_h.Hot("001HOT").WithCurrent(c => c with
        {
            HandoffStatus = HandoffStatus.Pending, HandoffRule = "mqa", HandoffAt = handoffAt, SlaDue = handoffAt.AddDays(1),
            SlaStatus = SlaStatus.Met, FirstResponseAt = handoffAt.AddHours(2),
        }));

        var result = await _h.ScoreAsync();

        var state = _h.Crm.Get("001HOT").Current;
        Assert.Equal((_h.Now, (DateTimeOffset?)null, SlaStatus.OnTrack), (state.HandoffAt!.Value, state.FirstResponseAt, state.SlaStatus!.Value));
        Assert.Equal(1, result.Handoffs);
    }

    [Fact]
    public async Task RunAsync_Tier1NeverConfirmed_FlagsReviewDueAndAConfirmationClearsIt()
    {
        _h.Add(_h.Hot("001HOT"));
        _h.Add(SyncHarness.Warm("001WARM"));
        await _h.ScoreAsync();
        Assert.True(_h.Crm.Get("001HOT").Current.ReviewDue);
        Assert.False(_h.Crm.Get("001WARM").Current.ReviewDue); // Tier 3 needs no confirmation

        _h.Time.Advance(TimeSpan.FromHours(1));
        _h.Crm.Update("001HOT", a => a with { Current = a.Current! with { TierConfirmedAt = _h.Now } }, _h.Now);
        _h.Time.Advance(TimeSpan.FromMinutes(1));
        await _h.ScoreAsync();
        Assert.False(_h.Crm.Get("001HOT").Current.ReviewDue);
        Assert.DoesNotContain(_h.Crm.Writes, w => w.Fields.Contains(AlignmentField.TierConfirmedAt)); // a person's field

        // A week later the nightly full run puts the account back on the review's list.
        _h.Time.Advance(TimeSpan.FromDays(7));
        await _h.ScoreAsync(full: true);
        Assert.True(_h.Crm.Get("001HOT").Current.ReviewDue);
    }

    [Fact]
    public async Task RunAsync_WrongTierFlag_PutsATier3AccountOnTheReviewList()
    {
        _h.Add(SyncHarness.Warm("001WARM").WithCurrent(c => c with { WrongTier = true }));

        await _h.ScoreAsync();

        Assert.True(_h.Crm.Get("001WARM").Current.ReviewDue);
    }

    [Fact]
    public async Task RunAsync_TierChange_AppendsTierHistory()
    {
        _h.Add(_h.Hot("001HOT"));
        _h.Add(SyncHarness.Cold("001COLD"));

        await _h.ScoreAsync();

        var record = Assert.Single(_h.TierHistory.All);
        Assert.Equal(("001HOT", Tier.Tier1, 100, _h.Now), (record.AccountId, record.Tier, record.Score, record.At));
    }

    [Fact]
    public async Task RunAsync_PermanentWriteFailure_ReportedAndCheckpointPasses()
    {
        _h.Add(SyncHarness.Warm("001A"), TimeSpan.FromHours(3));
        _h.Add(SyncHarness.Warm("001B"), TimeSpan.FromHours(2));
        _h.Crm.FailWrites("001A", transient: false);

        var result = await _h.ScoreAsync();

        var failure = Assert.Single(result.PermanentFailures);
        Assert.Equal(("001A", "FIELD_CUSTOM_VALIDATION_EXCEPTION"), (failure.AccountId, failure.ErrorCode));
        Assert.Equal((1, 1), (result.Written, result.Failed));
        Assert.Equal(_h.Now.AddHours(-2).AddTicks(1), result.CheckpointAfter);
    }

    [Fact]
    public async Task RunAsync_TransientWriteFailure_CheckpointHeldAndRetriedNextRun()
    {
        _h.Add(SyncHarness.Warm("001A"), TimeSpan.FromHours(3));
        _h.Add(SyncHarness.Warm("001B"), TimeSpan.FromHours(2));
        _h.Add(SyncHarness.Warm("001C"), TimeSpan.FromHours(1));
        _h.Crm.FailWrites("001B", transient: true);

        var first = await _h.ScoreAsync();
        Assert.Equal(_h.Now.AddHours(-2), first.CheckpointAfter);
        Assert.Null(_h.Crm.Get("001B").Current.Score);

        _h.Time.Advance(TimeSpan.FromMinutes(15));
        var second = await _h.ScoreAsync();

        Assert.Equal(1, second.Written);
        Assert.Equal(40, _h.Crm.Get("001B").Current.Score);
        Assert.All(_h.Crm.Writes.GroupBy(w => w.AccountId), g => Assert.Single(g));
    }

    [Fact]
    public async Task RunAsync_Crm503BurstOnWrite_BatchRetriedNextRun()
    {
        _h.Options.WriteBatchSize = 2;
        for (var i = 0; i < 5; i++)
        {
            _h.Add(SyncHarness.Warm($"001A{i}"), TimeSpan.FromHours(5 - i));
        }

        // Calls: read (1), write batch 1 (2), write batch 2 (3) fails, write batch 3 (4) fails with 429.
        _h.Crm.PageSize = 100;
        _h.Crm.FailCall(3, 503).FailCall(4, 429, TimeSpan.FromSeconds(10));

        var first = await _h.ScoreAsync();
        Assert.Equal((2, 3), (first.Written, first.Failed));
        Assert.Equal(_h.Now.AddHours(-3), first.CheckpointAfter);

        _h.Time.Advance(TimeSpan.FromMinutes(15));
        await _h.ScoreAsync();

        Assert.All(_h.Crm.All, a => Assert.Equal(40, a.Current.Score));
        Assert.All(_h.Crm.Writes.GroupBy(w => w.AccountId), g => Assert.Single(g));
    }

    [Fact]
    public async Task RunAsync_Crm503OnRead_FailsKeepsCheckpointAndRerunCatchesUp()
    {
        _h.Add(SyncHarness.Warm("001A"));
        _h.Crm.FailCall(1, 503);

        var first = await _h.ScoreAsync();

        Assert.Equal(RunOutcome.Failed, first.Outcome);
        Assert.Equal(0, _h.Checkpoints.SaveCount);
        Assert.Equal(RunOutcome.Failed, Assert.Single(_h.Runs.All).Outcome);

        var second = await _h.ScoreAsync();
        Assert.Equal(RunOutcome.Succeeded, second.Outcome);
        Assert.Equal(40, _h.Crm.Get("001A").Current.Score);
    }

    [Fact]
    public async Task RunAsync_BudgetExhausted_StopsCleanlyAndRerunWritesEachAccountOnce()
    {
        _h.Options.WriteBatchSize = 2;
        _h.Crm.PageSize = 2;
        for (var i = 0; i < 6; i++)
        {
            _h.Add(SyncHarness.Warm($"001A{i}"), TimeSpan.FromHours(6 - i));
        }

        // read p1 (1), write b1 (2), read p2 (3); the next write finds the budget used up.
        _h.Crm.BudgetCalls = 3;
        var first = await _h.ScoreAsync();

        Assert.Equal(RunOutcome.StoppedAtBudget, first.Outcome);
        Assert.Equal(2, first.Written);
        Assert.Equal(_h.Now.AddHours(-4), first.CheckpointAfter);
        Assert.Equal(RunOutcome.StoppedAtBudget, _h.Runs.All[^1].Outcome);
        Assert.Null((await _h.Checkpoints.GetAsync("memory:scoring", TestContext.Current.CancellationToken))!.Value.LastFullRunAt);

        _h.Crm.BudgetCalls = null;
        _h.Time.Advance(TimeSpan.FromMinutes(15));
        var second = await _h.ScoreAsync();

        Assert.Equal(RunOutcome.Succeeded, second.Outcome);
        Assert.All(_h.Crm.All, a => Assert.Equal(40, a.Current.Score));
        Assert.All(_h.Crm.Writes.GroupBy(w => w.AccountId), g => Assert.Single(g));
        Assert.Equal(6, _h.Crm.Writes.Count);
    }

    [Fact]
    public async Task RunAsync_CrashAfterCrmWriteBeforeCheckpoint_RerunWritesNothingTwice()
    {
        _h.Add(_h.Hot("001HOT"));
        _h.Add(SyncHarness.Warm("001WARM"));
        _h.Crm.CrashAfterWriteCall(1);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => _h.ScoreAsync());
        Assert.Equal(0, _h.Checkpoints.SaveCount);
        var writesBefore = _h.Crm.Writes.Count;

        _h.Crm.AfterWrite = null;
        _h.Time.Advance(TimeSpan.FromMinutes(15));
        var rerun = await _h.ScoreAsync();

        Assert.Equal(RunOutcome.Succeeded, rerun.Outcome);
        Assert.Equal(0, rerun.Written);
        Assert.Equal(writesBefore, _h.Crm.Writes.Count);
        Assert.Equal(Tier.Tier1, _h.Crm.Get("001HOT").Current.Tier);
        Assert.Equal(HandoffStatus.Pending, _h.Crm.Get("001HOT").Current.HandoffStatus);
        Assert.Equal(1, _h.Checkpoints.SaveCount);
    }

    [Fact]
    public async Task RunAsync_CrashWhileSavingCheckpoint_RerunWritesNothingTwice()
    {
        _h.Add(SyncHarness.Warm("001A"));
        _h.Checkpoints.BeforeSave = (_, _) => throw new SimulatedCrashException();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => _h.ScoreAsync());
        _h.Checkpoints.BeforeSave = null;
        var rerun = await _h.ScoreAsync();

        Assert.Equal(0, rerun.Written);
        Assert.Single(_h.Crm.Writes);
    }

    [Fact]
    public async Task RunAsync_NewModelVersionSameScores_WritesOnlyTheVersionOnce()
    {
        _h.Add(SyncHarness.Warm("001A"));
        await _h.ScoreAsync();
        _h.Crm.Update("001A", a => a with { Current = a.Current with { ModelVersion = "2025.01.0" } }, _h.Now);

        _h.Time.Advance(TimeSpan.FromMinutes(15));
        var wave = await _h.ScoreAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(15));
        var after = await _h.ScoreAsync(full: true);

        // The model-version wave: the version names the model that produced the values; then nothing to write.
        Assert.Equal((1, 0), (wave.Written, after.Written));
        Assert.Equal([AlignmentField.ModelVersion, AlignmentField.ScoredAt], _h.Crm.Writes[^1].Fields.Order());
        Assert.Equal(_h.Rules.ModelVersion, _h.Crm.Get("001A").Current.ModelVersion);
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
        _h.Add(SyncHarness.Warm("001A"), TimeSpan.FromDays(5));
        await _h.ScoreAsync();
        _h.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ScoringRunJob.IncrementalKind, (await _h.ScoreAsync()).Kind);

        _h.Time.Advance(TimeSpan.FromHours(12)); // past 02:00 UTC the next day
        var result = await _h.ScoreAsync();

        Assert.Equal(ScoringRunJob.FullKind, result.Kind);
        Assert.Equal(1, result.Read);
    }
}
