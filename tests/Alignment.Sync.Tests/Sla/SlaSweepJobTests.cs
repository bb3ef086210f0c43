using Alignment.Core.Handoffs;
using Alignment.Core.Signals;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.Sync.Alerts;
using Alignment.Sync.Runs;
using Alignment.Sync.State;
using Alignment.TestKit.Builders;
using Alignment.TestKit.Fakes;

namespace Alignment.Sync.Tests.Sla;

/// <summary>
/// A Tier 2 handoff on Friday 2026-11-20 at 09:00 New York (14:00Z), due 13:00 (18:00Z): at risk from 12:00 (17:00Z),
/// escalated from 17:00 (22:00Z).
/// </summary>
public sealed class SlaSweepJobTests
{
    private static readonly DateTimeOffset HandoffAt = new(2026, 11, 20, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = new(2026, 11, 20, 18, 0, 0, TimeSpan.Zero);
    private readonly SyncHarness _h = new();

    [Fact]
    public async Task RunAsync_OnTrack_WritesNothingSendsNothing()
    {
        AddOpenHandoff("001A");

        var result = await _h.SweepAsync();

        Assert.Equal((1, 0, 0), (result.Read, result.Written, result.AlertsSent));
        Assert.Equal(0, _h.Crm.WriteCalls);
        Assert.Empty(_h.Channel.Delivered);
    }

    [Fact]
    public async Task RunAsync_AtRisk_WritesStatusAndSendsHeadsUpOnce()
    {
        AddOpenHandoff("001A");
        At(17, 30);

        var first = await _h.SweepAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await _h.SweepAsync();

        Assert.Equal(SlaStatus.AtRisk, _h.Crm.Get("001A").Current.SlaStatus);
        var alert = Assert.Single(_h.Channel.Delivered);
        Assert.Equal((AlertLevel.AtRisk, "001A", "pricing-surge", Due), (alert.Level, alert.AccountId, alert.HandoffRule, alert.SlaDue));
        Assert.Equal((1, 1), (first.AlertsSent, first.Written));
        Assert.Equal((0, 0), (second.AlertsSent, second.Written));
        Assert.Equal(AlertLedgerState.Sent, Assert.Single(_h.AlertLedger.All).State);
    }

    [Fact]
    public async Task RunAsync_BreachedThenEscalated_EachLevelOnceWhateverTheSweeps()
    {
        AddOpenHandoff("001A");

        foreach (var (hour, minute) in new[] { (17, 30), (18, 30), (18, 35), (22, 30), (22, 35) })
        {
            At(hour, minute);
            await _h.SweepAsync();
        }

        Assert.Equal([AlertLevel.AtRisk, AlertLevel.Breached, AlertLevel.Escalated], _h.Channel.Delivered.Select(a => a.Level));
        Assert.Equal(3, _h.Channel.Delivered.Select(a => a.Key).Distinct().Count());
        Assert.Equal(SlaStatus.Breached, _h.Crm.Get("001A").Current.SlaStatus);
    }

    [Fact]
    public async Task RunAsync_AnsweredBeforeDue_MetWithFirstResponseAndNoAlerts()
    {
        var answeredAt = new DateTimeOffset(2026, 11, 20, 16, 0, 0, TimeSpan.Zero);
        AddOpenHandoff("001A", SignalBuilder.A(SignalKind.SalesTouch).At(answeredAt).By(null));
        At(19, 0);

        var result = await _h.SweepAsync();

        var state = _h.Crm.Get("001A").Current;
        Assert.Equal((SlaStatus.Met, answeredAt), (state.SlaStatus, state.FirstResponseAt));
        Assert.Equal(0, result.AlertsSent);
        Assert.Empty(_h.Channel.Delivered);
    }

    [Fact]
    public async Task RunAsync_UnansweredTenBusinessDays_RecycledToNurture()
    {
        AddOpenHandoff("001A");
        _h.Time.SetUtcNow(HandoffAt.AddDays(20));

        var result = await _h.SweepAsync();

        Assert.Equal(1, result.Recycled);
        Assert.Equal(HandoffStatus.Recycled, _h.Crm.Get("001A").Current.HandoffStatus);
        Assert.Equal(0, (await _h.SweepAsync()).Read);
    }

    [Fact]
    public async Task RunAsync_RerunWithNoChange_ZeroWritesZeroSends()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        await _h.SweepAsync();
        var (writes, sends) = (_h.Crm.WriteCalls, _h.Channel.SendCalls);

        await _h.SweepAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(5));
        await _h.SweepAsync();

        Assert.Equal((writes, sends), (_h.Crm.WriteCalls, _h.Channel.SendCalls));
    }

    [Fact]
    public async Task RunAsync_SlackRateLimited_WaitsRetryAfterThenSendsOnce()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        _h.Channel.RateLimitNext(1, TimeSpan.FromMinutes(3));

        var first = await _h.SweepAsync();
        Assert.Equal((0, 1), (first.AlertsSent, first.AlertsRetrying));
        var entry = Assert.Single(_h.AlertLedger.All);
        Assert.Equal(AlertLedgerState.Pending, entry.State);
        Assert.True(entry.NextAttemptAt >= _h.Now.AddMinutes(3));

        _h.Time.Advance(TimeSpan.FromMinutes(1));
        await _h.SweepAsync();
        Assert.Equal(1, _h.Channel.SendCalls);

        _h.Time.Advance(TimeSpan.FromMinutes(2));
        await _h.SweepAsync();

        Assert.Single(_h.Channel.Delivered);
        Assert.Equal(AlertLedgerState.Sent, Assert.Single(_h.AlertLedger.All).State);
    }

    [Fact]
    public async Task RunAsync_SlackOutage_NothingLostNothingDoubled()
    {
        AddOpenHandoff("001A");
        AddOpenHandoff("001B");
        At(18, 30);
        _h.Channel.FailNext(5);

        for (var i = 0; i < 8; i++)
        {
            await _h.SweepAsync();
            _h.Time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(["001A", "001B"], _h.Channel.Delivered.Select(a => a.AccountId).Order());
        Assert.All(_h.AlertLedger.All, e => Assert.Equal(AlertLedgerState.Sent, e.State));
    }

    [Fact]
    public async Task RunAsync_KilledAfterLedgerWriteBeforeSend_NextSweepSendsOnce()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        _h.AlertLedger.BeforeUpdate = _ => throw new SimulatedCrashException();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => _h.SweepAsync());
        Assert.Equal(AlertLedgerState.Pending, Assert.Single(_h.AlertLedger.All).State);
        _h.AlertLedger.BeforeUpdate = null;

        _h.Time.Advance(TimeSpan.FromMinutes(5));
        await _h.SweepAsync();
        await _h.SweepAsync();

        Assert.Single(_h.Channel.Delivered);
    }

    [Fact]
    public async Task RunAsync_KilledMidSendBeforeDelivery_AskedThenResentOnce()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        _h.Channel.CrashBeforeSendingNext();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => _h.SweepAsync());
        Assert.Equal(AlertLedgerState.Sending, Assert.Single(_h.AlertLedger.All).State);

        await _h.SweepAsync(); // still within the sending timeout: left alone
        Assert.Equal(0, _h.Channel.WasDeliveredCalls);

        _h.Time.Advance(_h.Options.AlertSendingTimeout);
        var result = await _h.SweepAsync();

        Assert.Equal(1, _h.Channel.WasDeliveredCalls);
        Assert.Equal(1, result.AlertsSent);
        Assert.Single(_h.Channel.Delivered);
        Assert.Equal(AlertLedgerState.Sent, Assert.Single(_h.AlertLedger.All).State);
    }

    [Fact]
    public async Task RunAsync_KilledAfterDeliveryBeforeMarkingSent_NotResent()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        _h.Channel.CrashAfterSendingNext();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => _h.SweepAsync());
        _h.Time.Advance(_h.Options.AlertSendingTimeout);
        await _h.SweepAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(5));
        await _h.SweepAsync();

        Assert.Single(_h.Channel.Delivered);
        Assert.Equal(AlertLedgerState.Sent, Assert.Single(_h.AlertLedger.All).State);
    }

    [Fact]
    public async Task RunAsync_InterruptedSendChannelCannotTell_MarkedUnknownNeverResent()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        _h.Channel.CanTellDelivery = false;
        _h.Channel.CrashAfterSendingNext();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => _h.SweepAsync());
        _h.Time.Advance(_h.Options.AlertSendingTimeout);
        var result = await _h.SweepAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(5));
        await _h.SweepAsync();

        Assert.Single(_h.Channel.Delivered);
        var entry = Assert.Single(_h.AlertLedger.All);
        Assert.Equal(AlertLedgerState.Unknown, entry.State);
        Assert.Equal(entry.Alert.Key, Assert.Single(result.AlertsUnknown));
        Assert.Equal(1, _h.Channel.SendCalls);
    }

    [Fact]
    public async Task RunAsync_TimeoutAfterDelivery_AskedNotResent()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        _h.Channel.TimeOutAfterDeliveringNext();

        await _h.SweepAsync();
        Assert.Equal(AlertLedgerState.Sending, Assert.Single(_h.AlertLedger.All).State);
        _h.Time.Advance(_h.Options.MaxBackoff);
        await _h.SweepAsync();

        Assert.Single(_h.Channel.Delivered);
        Assert.Equal(1, _h.Channel.SendCalls);
        Assert.Equal(AlertLedgerState.Sent, Assert.Single(_h.AlertLedger.All).State);
    }

    [Fact]
    public async Task RunAsync_TimeoutWithoutDelivery_AskedThenResentOnce()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        _h.Channel.TimeOutWithoutDeliveringNext();

        await _h.SweepAsync();
        _h.Time.Advance(_h.Options.MaxBackoff);
        await _h.SweepAsync();

        Assert.Single(_h.Channel.Delivered);
        Assert.Equal(2, _h.Channel.SendCalls);
    }

    [Fact]
    public async Task RunAsync_PermanentRefusal_FailedAfterMaxAttempts()
    {
        _h.Options.MaxAlertAttempts = 2;
        AddOpenHandoff("001A");
        At(18, 30);
        _h.Channel.RefuseNext(5);

        await _h.SweepAsync();
        _h.Time.Advance(_h.Options.MaxBackoff);
        var second = await _h.SweepAsync();
        _h.Time.Advance(_h.Options.MaxBackoff);
        await _h.SweepAsync();

        var entry = Assert.Single(_h.AlertLedger.All);
        Assert.Equal((AlertLedgerState.Failed, 2), (entry.State, entry.Attempts));
        Assert.Single(second.AlertsFailed);
        Assert.Equal(2, _h.Channel.SendCalls);
    }

    [Fact]
    public async Task RunAsync_CrmDown_OpenAlertsStillDelivered()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        _h.Channel.RateLimitNext(1, TimeSpan.FromMinutes(1));
        await _h.SweepAsync();

        _h.Time.Advance(TimeSpan.FromMinutes(5));
        _h.Crm.FailCall(_h.Crm.Calls + 1, 503);
        var result = await _h.SweepAsync();

        Assert.Equal(RunOutcome.Failed, result.Outcome);
        Assert.Equal(1, result.AlertsSent);
        Assert.Single(_h.Channel.Delivered);
    }

    [Fact]
    public async Task RunAsync_StatusWriteRefusedForGood_AlertsStillDeliveredAndRunRecorded()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        _h.Crm.FailCall(_h.Crm.Calls + 2, 400);

        var result = await _h.SweepAsync();

        Assert.Equal((RunOutcome.Failed, 0, 1), (result.Outcome, result.Written, result.AlertsSent));
        Assert.NotNull(result.Error);
        Assert.Single(_h.Channel.Delivered);
        Assert.Equal(RunOutcome.Failed, Assert.Single(_h.Runs.All).Outcome);
    }

    [Fact]
    public async Task RunAsync_RecordsRunLedgerRow()
    {
        AddOpenHandoff("001A");
        At(18, 30);

        await _h.SweepAsync();

        var row = Assert.Single(_h.Runs.All);
        Assert.Equal((Alignment.Sync.Runs.RunKind.SlaSweep, 1, 1, 1, RunOutcome.Succeeded), (row.Kind, row.Read, row.Written, row.AlertsSent, row.Outcome));
        Assert.Equal(_h.Crm.Calls, row.ApiCalls);
    }

    [Fact]
    public async Task RunAsync_AcceptedButUnanswered_StillBreachesAndAlerts()
    {
        // Accepting is not answering: without a logged touch the SLA clock keeps running (Friday evening breach).
        _h.Add(AccountBuilder.AnAccount().WithId("001A").WithOpenHandoff(HandoffAt, Due, Tier.Tier2, "pricing-surge")
            .WithCurrent(c => c with { HandoffStatus = HandoffStatus.Accepted }));
        At(18, 30);

        var result = await _h.SweepAsync();

        Assert.Equal(1, result.Read);
        Assert.Equal((HandoffStatus.Accepted, SlaStatus.Breached), (_h.Crm.Get("001A").Current.HandoffStatus, _h.Crm.Get("001A").Current.SlaStatus));
        Assert.Equal(AlertLevel.Breached, Assert.Single(_h.Channel.Delivered).Level);
    }

    [Fact]
    public async Task RunAsync_AcceptedAndAnswered_MetNoAlert()
    {
        _h.Add(AccountBuilder.AnAccount().WithId("001A").WithOpenHandoff(HandoffAt, Due, Tier.Tier2, "pricing-surge")
            .WithCurrent(c => c with { HandoffStatus = HandoffStatus.Accepted })
            .WithSignal(SignalBuilder.A(SignalKind.SalesTouch).At(HandoffAt.AddHours(1))));
        At(18, 30);

        await _h.SweepAsync();

        Assert.Equal(SlaStatus.Met, _h.Crm.Get("001A").Current.SlaStatus);
        Assert.Empty(_h.Channel.Delivered);
    }

    [Fact]
    public async Task RunAsync_AcceptedUnansweredTenBusinessDays_NotRecycledOverTheRep()
    {
        _h.Add(AccountBuilder.AnAccount().WithId("001A").WithOpenHandoff(HandoffAt, Due, Tier.Tier2, "pricing-surge")
            .WithCurrent(c => c with { HandoffStatus = HandoffStatus.Accepted }));
        _h.Time.SetUtcNow(HandoffAt.AddDays(20));

        var result = await _h.SweepAsync();

        Assert.Equal(0, result.Recycled);
        Assert.Equal(HandoffStatus.Accepted, _h.Crm.Get("001A").Current.HandoffStatus);
    }

    [Fact]
    public async Task RunAsync_RejectedHandoff_NotSwept()
    {
        _h.Add(AccountBuilder.AnAccount().WithId("001A").WithOpenHandoff(HandoffAt, Due, Tier.Tier2, "pricing-surge")
            .WithCurrent(c => c with { HandoffStatus = HandoffStatus.Rejected }));
        At(18, 30);

        var result = await _h.SweepAsync();

        Assert.Equal(0, result.Read);
        Assert.Empty(_h.Channel.Delivered);
    }

    [Fact]
    public async Task RunAsync_OwnerWithManager_ChainManagerFridayThenChannelMondayEachOnce()
    {
        var h = new SyncHarness(new Alignment.Sync.Settings.SyncOptions { EscalationChain = true });
        // Escalated at 17:00 New York Friday (22:00Z) to the manager; four more business hours → Monday 13:00 (18:00Z).
        h.Add(AccountBuilder.AnAccount().WithId("001A").WithTier(Tier.Tier2).WithOpenHandoff(HandoffAt, Due, Tier.Tier2, "pricing-surge")
            .WithOwner(new Core.Accounts.Owner("005A", "ae@example.com", "America/New_York", "005M")));

        h.Time.SetUtcNow(new DateTimeOffset(2026, 11, 20, 22, 30, 0, TimeSpan.Zero));
        await h.SweepAsync();
        h.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 17, 59, 0, TimeSpan.Zero));
        await h.SweepAsync();
        var beforeChannel = h.Channel.Delivered.Select(a => a.Level).ToList();
        h.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero));
        await h.SweepAsync();
        h.Time.Advance(TimeSpan.FromMinutes(5));
        await h.SweepAsync();

        Assert.DoesNotContain(AlertLevel.EscalatedToChannel, beforeChannel);
        Assert.Single(h.Channel.Delivered, a => a.Level == AlertLevel.Escalated);
        var last = Assert.Single(h.Channel.Delivered, a => a.Level == AlertLevel.EscalatedToChannel);
        Assert.Equal("sla|001A|2026-11-20T14:00:00Z|EscalatedToChannel", last.Key);
        Assert.Equal(8, last.EscalateAfterBusinessHours);
        Assert.Equal(4, h.Channel.Delivered.Single(a => a.Level == AlertLevel.Escalated).EscalateAfterBusinessHours);
    }

    [Fact]
    public async Task RunAsync_OwnerWithoutManager_EscalatedOnlyNoChannelStep()
    {
        var h = new SyncHarness(new Alignment.Sync.Settings.SyncOptions { EscalationChain = true });
        h.Add(AccountBuilder.AnAccount().WithId("001A").WithTier(Tier.Tier2).WithOpenHandoff(HandoffAt, Due, Tier.Tier2, "pricing-surge")
            .WithOwner(new Core.Accounts.Owner("005A", "ae@example.com", "America/New_York")));
        h.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero));

        await h.SweepAsync();

        Assert.Contains(h.Channel.Delivered, a => a.Level == AlertLevel.Escalated);
        Assert.DoesNotContain(h.Channel.Delivered, a => a.Level == AlertLevel.EscalatedToChannel);
    }

    [Fact]
    public async Task RunAsync_ChainOff_OneEscalationOnly()
    {
        _h.Add(AccountBuilder.AnAccount().WithId("001A").WithTier(Tier.Tier2).WithOpenHandoff(HandoffAt, Due, Tier.Tier2, "pricing-surge"));
        _h.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero));

        await _h.SweepAsync();

        Assert.Single(_h.Channel.Delivered, a => a.Level == AlertLevel.Escalated);
        Assert.DoesNotContain(_h.Channel.Delivered, a => a.Level == AlertLevel.EscalatedToChannel);
    }

    private void At(int hour, int minute) => _h.Time.SetUtcNow(new DateTimeOffset(2026, 11, 20, hour, minute, 0, TimeSpan.Zero));

    private void AddOpenHandoff(string id, params SignalBuilder[] signals)
    {
        var builder = AccountBuilder.AnAccount().WithId(id).WithTier(Tier.Tier2).WithOpenHandoff(HandoffAt, Due, Tier.Tier2, "pricing-surge");
        foreach (var signal in signals)
        {
            builder.WithSignal(signal);
        }

        _h.Crm.Put(builder.Build(), HandoffAt);
    }
}
