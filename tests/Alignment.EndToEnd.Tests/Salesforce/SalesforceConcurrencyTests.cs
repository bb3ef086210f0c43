using Alignment.Core.Sla;
using Alignment.EndToEnd.Tests.Support;
using Alignment.Sync.Runs;
using Alignment.TestKit.Azurite;

namespace Alignment.EndToEnd.Tests.Salesforce;

/// <summary>Two instances on the same tables at once (a scale-out, or a timer firing twice), and the API budget running out.</summary>
public sealed class SalesforceConcurrencyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ScoreAndSweep_TwoInstancesAtOnce_FieldsRightAndEachAlertPostedOnce()
    {
        var seeds = Snapshot.All();
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, seeds);
        var one = world.NewProcess();
        var two = world.NewProcess();

        var t = world.Time.GetUtcNow();
        await Task.WhenAll(world.ScoreAsync(one), world.ScoreAsync(two));
        var end = world.Time.GetUtcNow();
        var sweeps = await Task.WhenAll(world.SweepAsync(one), world.SweepAsync(two), world.SweepAsync(world.NewProcess()));

        Assert.Equal(2, sweeps.Sum(s => s.AlertsDue));
        foreach (var seed in new[] { Snapshot.Hot(), Snapshot.Cold(), Snapshot.Locked() })
        {
            Assertions.ScoredAsRulesSayBetween(CrmFields.Of(world.Salesforce!, seed.Id), seed, t, end);
        }

        var breached = Snapshot.Breached();
        var handoffAt = breached.Current.HandoffAt!.Value;
        Assert.Equal(
            [
                (World.AlertChannel, Expected.AlertKey(breached.Id, handoffAt, SlaAlertLevel.Breached)),
                (World.EscalationChannel, Expected.AlertKey(breached.Id, handoffAt, SlaAlertLevel.Escalated)),
            ],
            Assertions.Alerts(world).Order());
    }

    [Fact]
    public async Task ScoringRun_DailyLimitReached_StopsCleanlyThenFinishesOnce()
    {
        var seeds = Snapshot.All();
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, seeds);
        world.Salesforce!.Faults.RequestLimitExceeded = true;

        var stopped = await world.ScoreAsync(world.NewProcess());
        world.Salesforce.Faults.RequestLimitExceeded = false;
        var t = world.Time.GetUtcNow();
        var resumed = await world.ScoreAsync(world.NewProcess());
        var writes = world.Salesforce.Requests.Writes;
        var again = await world.ScoreAsync(world.NewProcess());

        Assert.Equal((RunOutcome.StoppedAtBudget, 0), (stopped.Outcome, stopped.Written));
        Assert.Null(stopped.CheckpointAfter);
        Assert.Equal((RunOutcome.Succeeded, 5), (resumed.Outcome, resumed.Written));
        Assert.Equal((0, writes), (again.Written, world.Salesforce.Requests.Writes));
        foreach (var seed in new[] { Snapshot.Hot(), Snapshot.Cold(), Snapshot.Locked() })
        {
            Assertions.ScoredAsRulesSay(CrmFields.Of(world.Salesforce, seed.Id), seed, t);
        }
    }
}
