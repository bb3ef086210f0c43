using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.EndToEnd.Tests.Support;
using Alignment.Sync.Runs;
using Alignment.TestKit.Azurite;

namespace Alignment.EndToEnd.Tests.HubSpot;

/// <summary>The same snapshot through the HubSpot emulator (date-versioned API): fields and alerts as the rules say, under 429/502 bursts and a rejected record.</summary>
public sealed class HubSpotEndToEndTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ScoreThenSweep_Snapshot_PropertiesAndAlertsFollowTheRules()
    {
        await using var world = await World.StartHubSpotAsync(azurite, Snapshot.AsOf, Snapshot.All());
        var process = world.NewProcess();

        var run = await world.ScoreAsync(process);
        var sweep = await world.SweepAsync(process);
        var calls = world.HubSpot!.Counter.Snapshot();
        var rerun = await world.ScoreAsync(world.NewProcess(), full: true);
        var again = await world.SweepAsync(world.NewProcess());

        Assert.Equal((RunOutcome.Succeeded, 5, 0), (run.Outcome, run.Written, run.Failed));
        Assert.Equal((RunOutcome.Succeeded, 2, 0), (sweep.Outcome, sweep.Written, sweep.Failed));
        var hot = Seed(world, Snapshot.Hot());
        var hotFields = CrmFields.Of(world.HubSpot, hot.Id);
        Assert.Equal((Tier.Tier1, HandoffStatus.Pending, "tier1-meeting"), (hotFields.Tier, hotFields.HandoffStatus, hotFields.HandoffRule));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 22, 0, 0, TimeSpan.Zero), hotFields.SlaDue);
        foreach (var seed in new[] { hot, Seed(world, Snapshot.Cold()), Seed(world, Snapshot.Locked()) })
        {
            Assert.Equal(Expected.AfterScoring(seed, Snapshot.AsOf), CrmFields.Of(world.HubSpot, seed.Id));
        }

        var breached = Seed(world, Snapshot.Breached());
        Assert.Equal(Expected.AfterScoring(breached, Snapshot.AsOf) with { SlaStatus = SlaStatus.Breached }, CrmFields.Of(world.HubSpot, breached.Id));
        var answered = Seed(world, Snapshot.Answered());
        Assert.Equal(
            Expected.AfterScoring(answered, Snapshot.AsOf) with { SlaStatus = SlaStatus.Met, FirstResponseAt = new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero) },
            CrmFields.Of(world.HubSpot, answered.Id));
        var handoffAt = breached.Current.HandoffAt!.Value;
        Assert.Equal(
            [
                (World.AlertChannel, Expected.AlertKey(breached.Id, handoffAt, SlaAlertLevel.Breached)),
                (World.EscalationChannel, Expected.AlertKey(breached.Id, handoffAt, SlaAlertLevel.Escalated)),
            ],
            Assertions.Alerts(world).Order());
        Assert.Equal((0, 0, 0), (rerun.Written, again.Written, again.AlertsDue));
        Assert.Equal(calls.GetValueOrDefault("batch-update"), world.HubSpot.Counter["batch-update"]);
        Assert.Equal(2, Assertions.Alerts(world).Count);
        Assert.Equal(2, Assertions.Announcements(world).Count); // the handoff DM and the tier digest, once despite the reruns
    }

    [Fact]
    public async Task ScoringRun_429And502BurstsAndRejectedRecord_FinalStateRight()
    {
        Account[] seeds = [Snapshot.Hot(), Snapshot.Cold(), Snapshot.Locked()];
        await using var world = await World.StartHubSpotAsync(azurite, Snapshot.AsOf, seeds);
        var cold = Seed(world, Snapshot.Cold());
        world.HubSpot!.Faults.RateLimitNext(3);
        world.HubSpot.Faults.RejectUpdatesOf(cold.Id);

        var t1 = world.Time.GetUtcNow();
        var first = await world.ScoreAsync(world.NewProcess());
        world.HubSpot.Faults.FailNext(30);
        var down = await world.ScoreAsync(world.NewProcess(), full: true);
        world.HubSpot.Faults.Clear();
        var t3 = world.Time.GetUtcNow();
        var recovered = await world.ScoreAsync(world.NewProcess(), full: true);
        var updates = world.HubSpot.Counter["batch-update"];
        var again = await world.ScoreAsync(world.NewProcess(), full: true);

        Assert.Equal((2, 1), (first.Written, first.Failed));
        Assert.Equal("VALIDATION_ERROR", Assert.Single(first.PermanentFailures).ErrorCode);
        Assert.Equal((RunOutcome.Failed, 0), (down.Outcome, down.Written));
        Assert.Equal((1, 0), (recovered.Written, recovered.Failed));
        Assert.Equal((0, updates), (again.Written, world.HubSpot.Counter["batch-update"]));
        Assertions.ScoredAsRulesSay(CrmFields.Of(world.HubSpot, cold.Id), cold, t3);
        foreach (var seed in new[] { Seed(world, Snapshot.Hot()), Seed(world, Snapshot.Locked()) })
        {
            Assertions.ScoredAsRulesSay(CrmFields.Of(world.HubSpot, seed.Id), seed, t1);
        }
    }

    /// <summary>The snapshot account under the id HubSpot gave its company.</summary>
    private static Account Seed(World world, Account account) => account with { Id = world.HubSpot!.CompanyIdOf(account.Id) };
}
