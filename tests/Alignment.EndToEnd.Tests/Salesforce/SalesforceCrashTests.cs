using Alignment.Core.Sla;
using Alignment.EndToEnd.Tests.Support;
using Alignment.Sync.Alerts;
using Alignment.Sync.Crm;
using Alignment.Sync.State;
using Alignment.TestKit.Azurite;
using Alignment.TestKit.Fakes;

namespace Alignment.EndToEnd.Tests.Salesforce;

/// <summary>
/// The process dies at the worst moments (after a CRM write, before the checkpoint; after the alert ledger says
/// Sending, before or after the Slack post); a fresh process over the same tables and CRM finishes the work: the CRM
/// ends right, no alert is lost and none is posted twice.
/// </summary>
public sealed class SalesforceCrashTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ScoringRun_KilledAfterFirstCrmWrite_RerunWritesOnlyTheRest()
    {
        var seeds = Snapshot.All();
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, seeds);
        world.Set("Alignment:Sync:WriteBatchSize", "2");
        var crash = new CrashSwitch();
        var dying = world.NewProcess(s => s.Decorate<ICrm>(crm => new CrashingCrm(crm, crash)));

        var t1 = world.Time.GetUtcNow();
        await Assert.ThrowsAsync<SimulatedCrashException>(() => world.ScoreAsync(dying));
        var writesBeforeRestart = world.Salesforce!.Requests.Writes;
        var t2 = world.Time.GetUtcNow();
        var rerun = await world.ScoreAsync(world.NewProcess());
        var writesOfRerun = world.Salesforce.Requests.Writes - writesBeforeRestart;
        var third = await world.ScoreAsync(world.NewProcess());

        Assert.True(crash.Tripped);
        Assert.Equal(1, writesBeforeRestart);
        Assert.Equal((3, 2), (rerun.Written, writesOfRerun));
        Assert.Equal(0, third.Written);
        Assert.Equal(writesBeforeRestart + writesOfRerun, world.Salesforce.Requests.Writes);
        foreach (var seed in new[] { Snapshot.Hot(), Snapshot.Cold(), Snapshot.Locked() })
        {
            Assertions.ScoredAsRulesSay(CrmFields.Of(world.Salesforce, seed.Id), seed, t1, t2);
        }
    }

    [Fact]
    public async Task ScoringRun_KilledBeforeCheckpointSaved_RerunWritesNothing()
    {
        var seeds = Snapshot.All();
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, seeds);
        var crash = new CrashSwitch();
        var dying = world.NewProcess(s => s.Decorate<ICheckpointStore>(store => new CrashingCheckpointStore(store, crash)));

        var t1 = world.Time.GetUtcNow();
        await Assert.ThrowsAsync<SimulatedCrashException>(() => world.ScoreAsync(dying));
        var writes = world.Salesforce!.Requests.Writes;
        var rerun = await world.ScoreAsync(world.NewProcess());

        Assert.True(crash.Tripped);
        Assert.Equal(1, writes);
        Assert.Equal((0, 0, writes), (rerun.Written, rerun.Failed, world.Salesforce.Requests.Writes));
        Assert.NotNull(rerun.CheckpointAfter);
        foreach (var seed in new[] { Snapshot.Hot(), Snapshot.Cold(), Snapshot.Locked() })
        {
            Assertions.ScoredAsRulesSay(CrmFields.Of(world.Salesforce, seed.Id), seed, t1);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sweep_KilledBetweenLedgerAndDelivery_EachAlertPostedOnce(bool afterPost)
    {
        var breached = Snapshot.Breached();
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, [breached]);
        var crash = new CrashSwitch();
        var dying = world.NewProcess(s => s.Decorate<IAlertChannel>(channel => new CrashingAlertChannel(channel, crash, afterPost)));

        await Assert.ThrowsAsync<SimulatedCrashException>(() => world.SweepAsync(dying));
        var postedBeforeRestart = world.Slack.Messages.Count;
        var soon = await world.SweepAsync(world.NewProcess());
        world.MoveTo(world.Time.GetUtcNow().AddMinutes(3));
        var later = await world.SweepAsync(world.NewProcess());
        world.MoveTo(world.Time.GetUtcNow().AddHours(1));
        var last = await world.SweepAsync(world.NewProcess());

        Assert.True(crash.Tripped);
        Assert.Equal(afterPost ? 1 : 0, postedBeforeRestart);
        Assert.Equal(0, soon.AlertsDue);
        Assert.Equal(0, last.AlertsSent + last.AlertsRetrying + last.AlertsDue + last.AlertsUnknown.Count);
        Assert.Empty(later.AlertsUnknown);
        var handoffAt = breached.Current.HandoffAt!.Value;
        Assert.Equal(
            [
                (World.AlertChannel, Expected.AlertKey(breached.Id, handoffAt, SlaAlertLevel.Breached)),
                (World.EscalationChannel, Expected.AlertKey(breached.Id, handoffAt, SlaAlertLevel.Escalated)),
            ],
            Assertions.Alerts(world).Order());
        Assert.Equal(SlaStatus.Breached, CrmFields.Of(world.Salesforce!, breached.Id).SlaStatus);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sweep_KilledAroundAtRiskDirectMessage_PostedOnce(bool afterPost)
    {
        var hot = Snapshot.Hot();
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, [hot]);
        await world.ScoreAsync(world.NewProcess());
        world.MoveTo(new DateTimeOffset(2026, 11, 20, 20, 30, 0, TimeSpan.Zero));
        var crash = new CrashSwitch();
        var dying = world.NewProcess(s => s.Decorate<IAlertChannel>(channel => new CrashingAlertChannel(channel, crash, afterPost)));

        await Assert.ThrowsAsync<SimulatedCrashException>(() => world.SweepAsync(dying));
        world.MoveTo(world.Time.GetUtcNow().AddMinutes(3));
        var restarted = await world.SweepAsync(world.NewProcess());
        world.MoveTo(world.Time.GetUtcNow().AddMinutes(10));
        var last = await world.SweepAsync(world.NewProcess());

        Assert.True(crash.Tripped);
        Assert.Empty(restarted.AlertsUnknown);
        Assert.Equal(0, last.AlertsSent + last.AlertsRetrying + last.AlertsDue + last.AlertsUnknown.Count);
        Assert.Equal([(World.OwnerSlackId, Expected.AlertKey(hot.Id, Snapshot.AsOf, SlaAlertLevel.AtRisk))], Assertions.Alerts(world));
    }

    [Fact]
    public async Task Sweep_KilledAfterLedgerRowsBeforeAnySend_NextSweepPostsEachOnce()
    {
        var breached = Snapshot.Breached();
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, [breached]);
        var crash = new CrashSwitch();
        var dying = world.NewProcess(s => s.Decorate<IAlertLedger>(ledger => new CrashingAlertLedger(ledger, crash)));

        await Assert.ThrowsAsync<SimulatedCrashException>(() => world.SweepAsync(dying));
        var postedBeforeRestart = world.Slack.Messages.Count;
        var restarted = await world.SweepAsync(world.NewProcess());
        var last = await world.SweepAsync(world.NewProcess());

        Assert.True(crash.Tripped);
        Assert.Equal(0, postedBeforeRestart);
        Assert.Equal((0, 2), (restarted.AlertsDue, restarted.AlertsSent));
        Assert.Equal(0, last.AlertsSent + last.AlertsRetrying + last.AlertsDue);
        var handoffAt = breached.Current.HandoffAt!.Value;
        Assert.Equal(
            [
                (World.AlertChannel, Expected.AlertKey(breached.Id, handoffAt, SlaAlertLevel.Breached)),
                (World.EscalationChannel, Expected.AlertKey(breached.Id, handoffAt, SlaAlertLevel.Escalated)),
            ],
            Assertions.Alerts(world).Order());
    }
}
