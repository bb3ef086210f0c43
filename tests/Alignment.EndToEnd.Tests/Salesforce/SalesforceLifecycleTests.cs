using Alignment.Core.Handoffs;
using Alignment.Core.Signals;
using Alignment.Core.Sla;
using Alignment.EndToEnd.Tests.Support;
using Alignment.TestKit.Azurite;
using Alignment.TestKit.Builders;

namespace Alignment.EndToEnd.Tests.Salesforce;

/// <summary>What people do in the CRM between runs, and time passing: the connector respects the rep and follows the calendar.</summary>
public sealed class SalesforceLifecycleTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Runs_RepAcceptsHandoffAndLocksTier_NeverOverwrittenButTheUnansweredSlaKeepsRunning()
    {
        var hot = Snapshot.Hot();
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, [hot]);
        await world.ScoreAsync(world.NewProcess());
        world.Salesforce!.SetAccountField(hot.Id, "Alignment_Handoff_Status__c", "Accepted");
        world.Salesforce.SetAccountField(hot.Id, "Alignment_Tier__c", "Tier2");
        world.Salesforce.SetAccountField(hot.Id, "Alignment_Tier_Locked__c", true);
        var byRep = CrmFields.Of(world.Salesforce, hot.Id);

        world.MoveTo(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero));
        var writes = world.Salesforce.Requests.Writes;
        var t = world.Time.GetUtcNow();
        var run = await world.ScoreAsync(world.NewProcess());
        var sweep = await world.SweepAsync(world.NewProcess());
        var after = CrmFields.Of(world.Salesforce, hot.Id);

        Assert.Equal(1, run.Read);
        Assert.Equal((HandoffStatus.Accepted, Alignment.Core.Tiers.Tier.Tier2, true), (after.HandoffStatus, after.Tier, after.TierLocked));
        Assert.Equal((byRep.HandoffRule, byRep.HandoffAt, byRep.SlaDue), (after.HandoffRule, after.HandoffAt, after.SlaDue));
        // Accepting is not answering: the unanswered handoff breached Friday and escalated Monday 13:00 New York.
        Assert.Equal((1, 2), (sweep.Read, sweep.AlertsDue));
        Assert.Equal(SlaStatus.Breached, after.SlaStatus);
        Assert.Equal(
            [
                (World.AlertChannel, Expected.AlertKey(hot.Id, Snapshot.AsOf, SlaAlertLevel.Breached)),
                (World.EscalationChannel, Expected.AlertKey(hot.Id, Snapshot.AsOf, SlaAlertLevel.Escalated)),
            ],
            Assertions.Alerts(world).Order());
        // Three days later the signals have decayed: the scores are rewritten (one call), the rep's fields are not.
        var evaluation = Expected.Evaluate(hot with { Current = byRep }, t);
        Assert.Equal((evaluation.Score, evaluation.Intent, t), (after.Score, after.Intent, after.ScoredAt));
        Assert.NotEqual(byRep.Score, after.Score);
        Assert.Equal(2, world.Salesforce.Requests.Writes - writes); // the scores, then the SLA status
    }

    [Fact]
    public async Task Sweep_OwnerCallsAfterBreach_StaysBreachedWithResponseAndNoEscalation()
    {
        var hot = Snapshot.Hot();
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, [hot]);
        await world.ScoreAsync(world.NewProcess());

        // Due Friday 17:00 New York; breached at 17:30; the owner calls Monday 09:30, before the escalation (Monday 13:00).
        world.MoveTo(new DateTimeOffset(2026, 11, 20, 22, 30, 0, TimeSpan.Zero));
        await world.SweepAsync(world.NewProcess());
        var call = new DateTimeOffset(2026, 11, 23, 14, 30, 0, TimeSpan.Zero);
        world.MoveTo(call);
        world.Salesforce!.AddSignal(hot.Id, SignalBuilder.A(SignalKind.SalesTouch).At(call).By(null));
        world.MoveTo(new DateTimeOffset(2026, 11, 23, 19, 0, 0, TimeSpan.Zero));
        var sweep = await world.SweepAsync(world.NewProcess());
        var after = CrmFields.Of(world.Salesforce, hot.Id);

        Assert.Equal((SlaStatus.Breached, call), (after.SlaStatus, after.FirstResponseAt));
        Assert.Equal(0, sweep.AlertsDue);
        Assert.Equal([(World.AlertChannel, Expected.AlertKey(hot.Id, Snapshot.AsOf, SlaAlertLevel.Breached))], Assertions.Alerts(world));
    }

    [Fact]
    public async Task Sweep_TenBusinessDaysUnanswered_RecycledWithEachAlertOnce()
    {
        var hot = Snapshot.Hot();
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, [hot]);
        await world.ScoreAsync(world.NewProcess());

        foreach (var day in new[] { 20, 23, 27, 30 })
        {
            world.MoveTo(new DateTimeOffset(2026, 11, day, 23, 0, 0, TimeSpan.Zero));
            await world.SweepAsync(world.NewProcess());
        }

        world.MoveTo(new DateTimeOffset(2026, 12, 7, 23, 0, 0, TimeSpan.Zero));
        var recycle = await world.SweepAsync(world.NewProcess());
        var last = await world.SweepAsync(world.NewProcess());
        var after = CrmFields.Of(world.Salesforce!, hot.Id);

        Assert.Equal(1, recycle.Recycled);
        Assert.Equal((HandoffStatus.Recycled, SlaStatus.Breached), (after.HandoffStatus, after.SlaStatus));
        Assert.Equal((0, 0), (last.Read, last.AlertsDue));
        Assert.Equal(
            [
                (World.AlertChannel, Expected.AlertKey(hot.Id, Snapshot.AsOf, SlaAlertLevel.Breached)),
                (World.EscalationChannel, Expected.AlertKey(hot.Id, Snapshot.AsOf, SlaAlertLevel.Escalated)),
            ],
            Assertions.Alerts(world).Order());
    }
}
