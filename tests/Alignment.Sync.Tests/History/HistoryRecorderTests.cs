using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Signals;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.Sync.Crm;
using Alignment.Sync.History;

namespace Alignment.Sync.Tests.History;

/// <summary>The handoff history and write log, through the scoring run and the SLA sweep.</summary>
public sealed class HistoryRecorderTests
{
    private readonly SyncHarness _h = new();

    [Fact]
    public async Task ScoringRun_NewHandoff_RecordedWithRuleTierScoreDueAndRun()
    {
        _h.Add(_h.Hot("001HOT").WithName("Acme"));

        var result = await _h.ScoreAsync();

        var record = Assert.Single(_h.History.All);
        var state = _h.Crm.Get("001HOT").Current;
        Assert.Equal(("001HOT", "Acme", "tier1-meeting", Tier.Tier1, state.Score, state.SlaDue!.Value, result.RunId),
            (record.AccountId, record.AccountName, record.Rule, record.Tier, record.Score, record.Due, record.RunId));
        Assert.Equal((HandoffStatus.Pending, SyncHarness.T0), (record.Status, record.HandoffAt));
    }

    [Fact]
    public async Task ScoringRun_Write_LogsEachFieldOldAndNewWithTheRunId()
    {
        _h.Add(SyncHarness.Warm("001WARM").WithCurrent(c => c with { Tier = Tier.None, Score = 12 }));

        var result = await _h.ScoreAsync();

        var entry = Assert.Single(_h.WriteLog.All);
        Assert.Equal((result.RunId, SyncHarness.T0), (entry.RunId, entry.At));
        Assert.Contains(new FieldChange(AlignmentField.Tier, "None", "Tier3"), entry.Changes);
        Assert.Contains(new FieldChange(AlignmentField.Score, "12", "40"), entry.Changes);
    }

    [Fact]
    public async Task ScoringRun_NothingChanged_LogsNothing()
    {
        _h.Add(SyncHarness.Warm("001WARM"));
        await _h.ScoreAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(15));

        await _h.ScoreAsync(full: true);

        Assert.Single(_h.WriteLog.All);
    }

    [Fact]
    public async Task Sweep_FridayEveningBreachThenMondayAnswer_OutcomeBreachedWithTheResponse()
    {
        // Tier 2 handoff Friday 2026-11-20 15:00Z (10:00 New York), due 19:00Z; answered Monday 14:00Z.
        _h.Add(_h.Hot("001HOT"));
        await _h.ScoreAsync();
        var handoff = _h.Crm.Get("001HOT").Current;
        _h.Time.SetUtcNow(handoff.SlaDue!.Value.AddMinutes(5));
        await _h.SweepAsync();
        var monday = new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);
        _h.Crm.Update("001HOT", a => a with { Signals = a.Signals.Add(new Signal(SignalKind.SalesTouch, monday)) }, monday);
        _h.Time.SetUtcNow(monday.AddMinutes(5));
        var sweep = await _h.SweepAsync();

        var record = Assert.Single(_h.History.All);
        Assert.Equal((SlaStatus.Breached, monday), (record.Outcome!.Value, record.FirstResponseAt!.Value));
        Assert.Contains(_h.WriteLog.All, e => e.RunId == sweep.RunId && e.Changes.Contains(new FieldChange(AlignmentField.FirstResponseAt, null, "2026-11-23T14:00:00Z")));
    }

    [Fact]
    public async Task ScoringRun_RepRejectedTheHandoff_StatusMergedIntoTheRecord()
    {
        _h.Add(_h.Hot("001HOT"));
        await _h.ScoreAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(15));
        _h.Crm.Update("001HOT", a => a with { Current = a.Current with { HandoffStatus = HandoffStatus.Rejected } }, _h.Now.AddMinutes(-1));

        await _h.ScoreAsync();

        var record = Assert.Single(_h.History.All);
        Assert.Equal((HandoffStatus.Rejected, "tier1-meeting"), (record.Status, record.Rule));
    }

    [Fact]
    public async Task ScoringRun_RepRejectedWithAReason_ReasonRecorded()
    {
        _h.Add(_h.Hot("001HOT"));
        await _h.ScoreAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(15));
        _h.Crm.Update("001HOT", a => a with { Current = a.Current with { HandoffStatus = HandoffStatus.Rejected, RejectionReason = RejectionReasons.NotIcp } }, _h.Now.AddMinutes(-1));

        await _h.ScoreAsync();

        var record = Assert.Single(_h.History.All);
        Assert.Equal((HandoffStatus.Rejected, RejectionReasons.NotIcp, false), (record.Status, record.RejectionReason, record.WrongTier));
        Assert.Equal(RejectionReasons.NotIcp, _h.Crm.Get("001HOT").Current.RejectionReason);
    }

    [Fact]
    public async Task ScoringRun_PendingHandoffFlaggedWrongTier_FlagRecordedAndNeverWritten()
    {
        _h.Add(_h.Hot("001HOT"));
        await _h.ScoreAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(15));
        _h.Crm.Update("001HOT", a => a with { Current = a.Current with { WrongTier = true } }, _h.Now.AddMinutes(-1));

        await _h.ScoreAsync();

        var record = Assert.Single(_h.History.All);
        Assert.Equal((HandoffStatus.Pending, (string?)null, true), (record.Status, record.RejectionReason, record.WrongTier));
        Assert.DoesNotContain(_h.WriteLog.All.SelectMany(e => e.Changes), c => AlignmentFields.IsHumans(c.Field));
    }

    [Fact]
    public void FeedbackOf_ReasonLeftFromAnEarlierRejection_NotRecordedAgainstAnotherStatus()
    {
        var state = new AlignmentState { HandoffStatus = HandoffStatus.Accepted, HandoffAt = SyncHarness.T0, RejectionReason = RejectionReasons.Duplicate };

        var feedback = HistoryRecorder.FeedbackOf("001A", state, SyncHarness.T0.AddHours(1))!;

        Assert.Null(feedback.RejectionReason);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("  ", null)]
    [InlineData("notICP", RejectionReasons.NotIcp)]
    [InlineData("Budget", RejectionReasons.Other)]
    public void RejectionReasons_Normalize_PicklistValuesElseOther(string? value, string? expected) =>
        Assert.Equal(expected, RejectionReasons.Normalize(value));

    [Fact]
    public async Task ListForWeek_HandoffsOfOneIsoWeekOnly()
    {
        _h.Add(_h.Hot("001A"));
        await _h.ScoreAsync();
        _h.Time.Advance(TimeSpan.FromDays(7));
        _h.Add(_h.Hot("001B"), TimeSpan.FromMinutes(1));
        await _h.ScoreAsync();

        var week = await _h.History.ListForWeekAsync(IsoWeek.Of(SyncHarness.T0), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["001A"], week.Select(r => r.AccountId));
        Assert.Equal("2026-W47", IsoWeek.Of(SyncHarness.T0).ToString());
    }

    [Theory]
    [InlineData("2026-W47", 2026, 47)]
    [InlineData("2026-W53", 2026, 53)]
    [InlineData("2027-W53", null, null)]
    [InlineData("2026-47", null, null)]
    [InlineData("2026-W00", null, null)]
    public void IsoWeek_TryParse_ValidatesTheWeek(string text, int? year, int? week)
    {
        var parsed = IsoWeek.TryParse(text);

        Assert.Equal(year, parsed?.Year);
        Assert.Equal(week, parsed?.Week);
    }

    [Fact]
    public void IsoWeek_Of_NewYearsEveBelongsToTheNextYearsWeekOne()
    {
        // Thursday 2026-12-31 is in 2026-W53; Monday 2029-12-31 is in 2030-W01.
        Assert.Equal(new IsoWeek(2026, 53), IsoWeek.Of(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new IsoWeek(2030, 1), IsoWeek.Of(new DateTimeOffset(2029, 12, 31, 8, 0, 0, TimeSpan.Zero)));
    }
}
