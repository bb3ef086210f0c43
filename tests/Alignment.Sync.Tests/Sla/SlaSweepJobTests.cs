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
    private readonly SyncHarness h = new();

    [Fact]
    public async Task RunAsync_OnTrack_WritesNothingSendsNothing()
    {
        AddOpenHandoff("001A");

        var result = await h.SweepAsync();

        Assert.Equal((1, 0, 0), (result.Read, result.Written, result.AlertsSent));
        Assert.Equal(0, h.Crm.WriteCalls);
        Assert.Empty(h.Channel.Delivered);
    }

    [Fact]
    public async Task RunAsync_AtRisk_WritesStatusAndSendsHeadsUpOnce()
    {
        AddOpenHandoff("001A");
        At(17, 30);

        var first = await h.SweepAsync();
        h.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await h.SweepAsync();

        Assert.Equal(SlaStatus.AtRisk, h.Crm.Get("001A").Current.SlaStatus);
        var alert = Assert.Single(h.Channel.Delivered);
        Assert.Equal((AlertLevel.AtRisk, "001A", "pricing-surge", Due), (alert.Level, alert.AccountId, alert.HandoffRule, alert.SlaDue));
        Assert.Equal((1, 1), (first.AlertsSent, first.Written));
        Assert.Equal((0, 0), (second.AlertsSent, second.Written));
        Assert.Equal(AlertLedgerState.Sent, Assert.Single(h.AlertLedger.All).State);
    }

    [Fact]
    public async Task RunAsync_BreachedThenEscalated_EachLevelOnceWhateverTheSweeps()
    {
        AddOpenHandoff("001A");

        foreach (var (hour, minute) in new[] { (17, 30), (18, 30), (18, 35), (22, 30), (22, 35) })
        {
            At(hour, minute);
            await h.SweepAsync();
        }

        Assert.Equal([AlertLevel.AtRisk, AlertLevel.Breached, AlertLevel.Escalated], h.Channel.Delivered.Select(a => a.Level));
        Assert.Equal(3, h.Channel.Delivered.Select(a => a.Key).Distinct().Count());
        Assert.Equal(SlaStatus.Breached, h.Crm.Get("001A").Current.SlaStatus);
    }

    [Fact]
    public async Task RunAsync_AnsweredBeforeDue_MetWithFirstResponseAndNoAlerts()
    {
        var answeredAt = new DateTimeOffset(2026, 11, 20, 16, 0, 0, TimeSpan.Zero);
        AddOpenHandoff("001A", SignalBuilder.A(SignalKind.SalesTouch).At(answeredAt).By(null));
        At(19, 0);

        var result = await h.SweepAsync();

        var state = h.Crm.Get("001A").Current;
        Assert.Equal((SlaStatus.Met, answeredAt), (state.SlaStatus, state.FirstResponseAt));
        Assert.Equal(0, result.AlertsSent);
        Assert.Empty(h.Channel.Delivered);
    }

    [Fact]
    public async Task RunAsync_UnansweredTenBusinessDays_RecycledToNurture()
    {
        AddOpenHandoff("001A");
        h.Time.SetUtcNow(HandoffAt.AddDays(20));

        var result = await h.SweepAsync();

        Assert.Equal(1, result.Recycled);
        Assert.Equal(HandoffStatus.Recycled, h.Crm.Get("001A").Current.HandoffStatus);
        Assert.Equal(0, (await h.SweepAsync()).Read);
    }

    [Fact]
    public async Task RunAsync_RerunWithNoChange_ZeroWritesZeroSends()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        await h.SweepAsync();
        var (writes, sends) = (h.Crm.WriteCalls, h.Channel.SendCalls);

        await h.SweepAsync();
        h.Time.Advance(TimeSpan.FromMinutes(5));
        await h.SweepAsync();

        Assert.Equal((writes, sends), (h.Crm.WriteCalls, h.Channel.SendCalls));
    }

    [Fact]
    public async Task RunAsync_SlackRateLimited_WaitsRetryAfterThenSendsOnce()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        h.Channel.RateLimitNext(1, TimeSpan.FromMinutes(3));

        var first = await h.SweepAsync();
        Assert.Equal((0, 1), (first.AlertsSent, first.AlertsRetrying));
        var entry = Assert.Single(h.AlertLedger.All);
        Assert.Equal(AlertLedgerState.Pending, entry.State);
        Assert.True(entry.NextAttemptAt >= h.Now.AddMinutes(3));

        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.SweepAsync();
        Assert.Equal(1, h.Channel.SendCalls);

        h.Time.Advance(TimeSpan.FromMinutes(2));
        await h.SweepAsync();

        Assert.Single(h.Channel.Delivered);
        Assert.Equal(AlertLedgerState.Sent, Assert.Single(h.AlertLedger.All).State);
    }

    [Fact]
    public async Task RunAsync_SlackOutage_NothingLostNothingDoubled()
    {
        AddOpenHandoff("001A");
        AddOpenHandoff("001B");
        At(18, 30);
        h.Channel.FailNext(5);

        for (var i = 0; i < 8; i++)
        {
            await h.SweepAsync();
            h.Time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(["001A", "001B"], h.Channel.Delivered.Select(a => a.AccountId).Order());
        Assert.All(h.AlertLedger.All, e => Assert.Equal(AlertLedgerState.Sent, e.State));
    }

    [Fact]
    public async Task RunAsync_KilledAfterLedgerWriteBeforeSend_NextSweepSendsOnce()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        h.AlertLedger.BeforeUpdate = _ => throw new SimulatedCrashException();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.SweepAsync());
        Assert.Equal(AlertLedgerState.Pending, Assert.Single(h.AlertLedger.All).State);
        h.AlertLedger.BeforeUpdate = null;

        h.Time.Advance(TimeSpan.FromMinutes(5));
        await h.SweepAsync();
        await h.SweepAsync();

        Assert.Single(h.Channel.Delivered);
    }

    [Fact]
    public async Task RunAsync_KilledMidSendBeforeDelivery_AskedThenResentOnce()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        h.Channel.CrashBeforeSendingNext();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.SweepAsync());
        Assert.Equal(AlertLedgerState.Sending, Assert.Single(h.AlertLedger.All).State);

        await h.SweepAsync(); // still within the sending timeout: left alone
        Assert.Equal(0, h.Channel.WasDeliveredCalls);

        h.Time.Advance(h.Options.AlertSendingTimeout);
        var result = await h.SweepAsync();

        Assert.Equal(1, h.Channel.WasDeliveredCalls);
        Assert.Equal(1, result.AlertsSent);
        Assert.Single(h.Channel.Delivered);
        Assert.Equal(AlertLedgerState.Sent, Assert.Single(h.AlertLedger.All).State);
    }

    [Fact]
    public async Task RunAsync_KilledAfterDeliveryBeforeMarkingSent_NotResent()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        h.Channel.CrashAfterSendingNext();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.SweepAsync());
        h.Time.Advance(h.Options.AlertSendingTimeout);
        await h.SweepAsync();
        h.Time.Advance(TimeSpan.FromMinutes(5));
        await h.SweepAsync();

        Assert.Single(h.Channel.Delivered);
        Assert.Equal(AlertLedgerState.Sent, Assert.Single(h.AlertLedger.All).State);
    }

    [Fact]
    public async Task RunAsync_InterruptedSendChannelCannotTell_MarkedUnknownNeverResent()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        h.Channel.CanTellDelivery = false;
        h.Channel.CrashAfterSendingNext();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.SweepAsync());
        h.Time.Advance(h.Options.AlertSendingTimeout);
        var result = await h.SweepAsync();
        h.Time.Advance(TimeSpan.FromMinutes(5));
        await h.SweepAsync();

        Assert.Single(h.Channel.Delivered);
        var entry = Assert.Single(h.AlertLedger.All);
        Assert.Equal(AlertLedgerState.Unknown, entry.State);
        Assert.Equal(entry.Alert.Key, Assert.Single(result.AlertsUnknown));
        Assert.Equal(1, h.Channel.SendCalls);
    }

    [Fact]
    public async Task RunAsync_TimeoutAfterDelivery_AskedNotResent()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        h.Channel.TimeOutAfterDeliveringNext();

        await h.SweepAsync();
        Assert.Equal(AlertLedgerState.Sending, Assert.Single(h.AlertLedger.All).State);
        h.Time.Advance(h.Options.MaxBackoff);
        await h.SweepAsync();

        Assert.Single(h.Channel.Delivered);
        Assert.Equal(1, h.Channel.SendCalls);
        Assert.Equal(AlertLedgerState.Sent, Assert.Single(h.AlertLedger.All).State);
    }

    [Fact]
    public async Task RunAsync_TimeoutWithoutDelivery_AskedThenResentOnce()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        h.Channel.TimeOutWithoutDeliveringNext();

        await h.SweepAsync();
        h.Time.Advance(h.Options.MaxBackoff);
        await h.SweepAsync();

        Assert.Single(h.Channel.Delivered);
        Assert.Equal(2, h.Channel.SendCalls);
    }

    [Fact]
    public async Task RunAsync_PermanentRefusal_FailedAfterMaxAttempts()
    {
        h.Options.MaxAlertAttempts = 2;
        AddOpenHandoff("001A");
        At(18, 30);
        h.Channel.RefuseNext(5);

        await h.SweepAsync();
        h.Time.Advance(h.Options.MaxBackoff);
        var second = await h.SweepAsync();
        h.Time.Advance(h.Options.MaxBackoff);
        await h.SweepAsync();

        var entry = Assert.Single(h.AlertLedger.All);
        Assert.Equal((AlertLedgerState.Failed, 2), (entry.State, entry.Attempts));
        Assert.Single(second.AlertsFailed);
        Assert.Equal(2, h.Channel.SendCalls);
    }

    [Fact]
    public async Task RunAsync_CrmDown_OpenAlertsStillDelivered()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        h.Channel.RateLimitNext(1, TimeSpan.FromMinutes(1));
        await h.SweepAsync();

        h.Time.Advance(TimeSpan.FromMinutes(5));
        h.Crm.FailCall(h.Crm.Calls + 1, 503);
        var result = await h.SweepAsync();

        Assert.Equal(RunOutcome.Failed, result.Outcome);
        Assert.Equal(1, result.AlertsSent);
        Assert.Single(h.Channel.Delivered);
    }

    [Fact]
    public async Task RunAsync_StatusWriteRefusedForGood_AlertsStillDeliveredAndRunRecorded()
    {
        AddOpenHandoff("001A");
        At(18, 30);
        h.Crm.FailCall(h.Crm.Calls + 2, 400);

        var result = await h.SweepAsync();

        Assert.Equal((RunOutcome.Failed, 0, 1), (result.Outcome, result.Written, result.AlertsSent));
        Assert.NotNull(result.Error);
        Assert.Single(h.Channel.Delivered);
        Assert.Equal(RunOutcome.Failed, Assert.Single(h.Runs.All).Outcome);
    }

    [Fact]
    public async Task RunAsync_RecordsRunLedgerRow()
    {
        AddOpenHandoff("001A");
        At(18, 30);

        await h.SweepAsync();

        var row = Assert.Single(h.Runs.All);
        Assert.Equal((Alignment.Sync.Runs.RunKind.SlaSweep, 1, 1, 1, RunOutcome.Succeeded), (row.Kind, row.Read, row.Written, row.AlertsSent, row.Outcome));
        Assert.Equal(h.Crm.Calls, row.ApiCalls);
    }

    [Fact]
    public async Task RunAsync_AcceptedButUnanswered_StillBreachesAndAlerts()
    {
        // Accepting is not answering: without a logged touch the SLA clock keeps running (Friday evening breach).
        h.Add(AccountBuilder.AnAccount().WithId("001A").WithOpenHandoff(HandoffAt, Due, Tier.Tier2, "pricing-surge")
            .WithCurrent(c => c with { HandoffStatus = HandoffStatus.Accepted }));
        At(18, 30);

        var result = await h.SweepAsync();

        Assert.Equal(1, result.Read);
        Assert.Equal((HandoffStatus.Accepted, SlaStatus.Breached), (h.Crm.Get("001A").Current.HandoffStatus, h.Crm.Get("001A").Current.SlaStatus));
        Assert.Equal(AlertLevel.Breached, Assert.Single(h.Channel.Delivered).Level);
    }

    [Fact]
    public async Task RunAsync_AcceptedAndAnswered_MetNoAlert()
    {
        h.Add(AccountBuilder.AnAccount().WithId("001A").WithOpenHandoff(HandoffAt, Due, Tier.Tier2, "pricing-surge")
            .WithCurrent(c => c with { HandoffStatus = HandoffStatus.Accepted })
            .WithSignal(SignalBuilder.A(SignalKind.SalesTouch).At(HandoffAt.AddHours(1))));
        At(18, 30);

        await h.SweepAsync();

        Assert.Equal(SlaStatus.Met, h.Crm.Get("001A").Current.SlaStatus);
        Assert.Empty(h.Channel.Delivered);
    }

    [Fact]
    public async Task RunAsync_AcceptedUnansweredTenBusinessDays_NotRecycledOverTheRep()
    {
        h.Add(AccountBuilder.AnAccount().WithId("001A").WithOpenHandoff(HandoffAt, Due, Tier.Tier2, "pricing-surge")
            .WithCurrent(c => c with { HandoffStatus = HandoffStatus.Accepted }));
        h.Time.SetUtcNow(HandoffAt.AddDays(20));

        var result = await h.SweepAsync();

        Assert.Equal(0, result.Recycled);
        Assert.Equal(HandoffStatus.Accepted, h.Crm.Get("001A").Current.HandoffStatus);
    }

    [Fact]
    public async Task RunAsync_RejectedHandoff_NotSwept()
    {
        h.Add(AccountBuilder.AnAccount().WithId("001A").WithOpenHandoff(HandoffAt, Due, Tier.Tier2, "pricing-surge")
            .WithCurrent(c => c with { HandoffStatus = HandoffStatus.Rejected }));
        At(18, 30);

        var result = await h.SweepAsync();

        Assert.Equal(0, result.Read);
        Assert.Empty(h.Channel.Delivered);
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
        h.Add(AccountBuilder.AnAccount().WithId("001A").WithTier(Tier.Tier2).WithOpenHandoff(HandoffAt, Due, Tier.Tier2, "pricing-surge"));
        h.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero));

        await h.SweepAsync();

        Assert.Single(h.Channel.Delivered, a => a.Level == AlertLevel.Escalated);
        Assert.DoesNotContain(h.Channel.Delivered, a => a.Level == AlertLevel.EscalatedToChannel);
    }

    private void At(int hour, int minute) => h.Time.SetUtcNow(new DateTimeOffset(2026, 11, 20, hour, minute, 0, TimeSpan.Zero));

    private void AddOpenHandoff(string id, params SignalBuilder[] signals)
    {
        var builder = AccountBuilder.AnAccount().WithId(id).WithTier(Tier.Tier2).WithOpenHandoff(HandoffAt, Due, Tier.Tier2, "pricing-surge");
        foreach (var signal in signals)
        {
            builder.WithSignal(signal);
        }

        h.Crm.Put(builder.Build(), HandoffAt);
    }
}
