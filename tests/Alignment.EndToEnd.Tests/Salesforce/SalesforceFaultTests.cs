using Alignment.Core.Accounts;
using Alignment.Core.Sla;
using Alignment.EndToEnd.Tests.Support;
using Alignment.Sync.Runs;
using Alignment.TestKit.Azurite;

namespace Alignment.EndToEnd.Tests.Salesforce;

/// <summary>CRM faults (503/429 bursts, per-record lock and validation failures): the final CRM state is right and nothing is written twice.</summary>
public sealed class SalesforceFaultTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ScoreAndSweep_Crm503And429Bursts_FinalStateRightAndAlertsOnce()
    {
        var seeds = Snapshot.All();
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, seeds);
        var process = world.NewProcess();

        world.Salesforce!.Faults.FailNextRequests(40, 429);
        var refused = await world.ScoreAsync(process);
        world.Salesforce.Faults.Clear();
        var t2 = world.Time.GetUtcNow();
        var recovered = await world.ScoreAsync(process);
        world.Salesforce.Faults.FailNextRequests(2, 503);
        var absorbed = await world.ScoreAsync(process, full: true);

        world.Salesforce.Faults.FailNextRequests(40, 503);
        var sweepDown = await world.SweepAsync(process);
        var alertsWhileDown = Assertions.Alerts(world).Count;
        world.Salesforce.Faults.Clear();
        var sweep = await world.SweepAsync(world.NewProcess());
        var again = await world.SweepAsync(world.NewProcess());

        Assert.Equal((RunOutcome.Failed, 0), (refused.Outcome, refused.Written));
        Assert.Equal((RunOutcome.Succeeded, 5), (recovered.Outcome, recovered.Written));
        Assert.Equal((RunOutcome.Succeeded, 0), (absorbed.Outcome, absorbed.Written));
        Assert.Equal((RunOutcome.Failed, 0), (sweepDown.Outcome, alertsWhileDown));
        Assert.Equal((2, 2, 2), (sweep.Written, sweep.AlertsDue, sweep.AlertsSent));
        Assert.Equal((0, 0, 0), (again.Written, again.AlertsDue, again.AlertsSent));
        foreach (var seed in new[] { Snapshot.Hot(), Snapshot.Cold(), Snapshot.Locked() })
        {
            Assertions.ScoredAsRulesSay(CrmFields.Of(world.Salesforce, seed.Id), seed, t2);
        }

        Assert.Equal(SlaStatus.Breached, CrmFields.Of(world.Salesforce, Snapshot.Breached().Id).SlaStatus);
        Assert.Equal(SlaStatus.Met, CrmFields.Of(world.Salesforce, Snapshot.Answered().Id).SlaStatus);
        var breachedAt = Snapshot.Breached().Current.HandoffAt!.Value;
        Assert.Equal(
            [
                (World.AlertChannel, Expected.AlertKey(Snapshot.Breached().Id, breachedAt, SlaAlertLevel.Breached)),
                (World.EscalationChannel, Expected.AlertKey(Snapshot.Breached().Id, breachedAt, SlaAlertLevel.Escalated)),
            ],
            Assertions.Alerts(world).Order());
    }

    [Fact]
    public async Task ScoringRun_PartialBatchFailures_LockedRowRetriedRejectedRecordReported()
    {
        Account[] seeds = [Snapshot.Hot(), Snapshot.Cold(), Snapshot.Locked()];
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, seeds);
        var process = world.NewProcess();
        world.Salesforce!.Faults.LockRows([Snapshot.Hot().Id], times: 3);
        world.Salesforce.Faults.RejectRecords([Snapshot.Cold().Id]);

        var t1 = world.Time.GetUtcNow();
        var first = await world.ScoreAsync(process);
        var hotAfterFirst = CrmFields.Of(world.Salesforce, Snapshot.Hot().Id);
        var t2 = world.Time.GetUtcNow();
        var second = await world.ScoreAsync(world.NewProcess());
        var coldWhileRejected = CrmFields.Of(world.Salesforce, Snapshot.Cold().Id);
        world.Salesforce.Faults.Clear();
        var t3 = world.Time.GetUtcNow();
        var third = await world.ScoreAsync(world.NewProcess(), full: true);
        var writes = world.Salesforce.Requests.Writes;
        var fourth = await world.ScoreAsync(world.NewProcess(), full: true);

        Assert.Equal((1, 2), (first.Written, first.Failed));
        Assert.Equal("FIELD_CUSTOM_VALIDATION_EXCEPTION", Assert.Single(first.PermanentFailures).ErrorCode);
        Assert.Null(hotAfterFirst.Score);
        Assert.Equal((1, 1), (second.Written, second.Failed));
        Assert.Equal(Snapshot.Cold().Current, coldWhileRejected);
        Assert.Equal((1, 0), (third.Written, third.Failed));
        Assert.Equal((0, writes), (fourth.Written, world.Salesforce.Requests.Writes));
        Assertions.ScoredAsRulesSay(CrmFields.Of(world.Salesforce, Snapshot.Hot().Id), Snapshot.Hot(), t2);
        Assertions.ScoredAsRulesSay(CrmFields.Of(world.Salesforce, Snapshot.Cold().Id), Snapshot.Cold(), t3);
        Assertions.ScoredAsRulesSay(CrmFields.Of(world.Salesforce, Snapshot.Locked().Id), Snapshot.Locked(), t1);
    }
}
