using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.EndToEnd.Tests.Support;
using Alignment.Sync.Runs;
using Alignment.TestKit.Azurite;

namespace Alignment.EndToEnd.Tests.Salesforce;

/// <summary>
/// A snapshot goes into the Salesforce emulator; the scoring run and the SLA sweep, composed by <c>AddAlignment</c> over
/// Azurite and the Slack sink, leave exactly the fields and Slack messages the rules of docs/scoring-model.md and docs/handoff-sla.md imply.
/// </summary>
public sealed class SalesforceEndToEndTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset HotDue = new(2026, 11, 20, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ScoreThenSweep_Snapshot_FieldsAndAlertsFollowTheRules()
    {
        var seeds = Snapshot.All();
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, seeds);
        var process = world.NewProcess();

        var run = await world.ScoreAsync(process);
        var sweep = await world.SweepAsync(process);

        Assert.Equal((RunOutcome.Succeeded, 5, 0), (run.Outcome, run.Written, run.Failed));
        Assert.Equal((RunOutcome.Succeeded, 2, 0), (sweep.Outcome, sweep.Written, sweep.Failed));
        var hot = CrmFields.Of(world.Salesforce!, Snapshot.Hot().Id);
        // By hand (docs/handoff-sla.md): Tier 1 with a meeting this week → tier1-meeting; handed off Friday 10:00 New York, before
        // 15:00 → due at the end of the same business day, 17:00 New York = 22:00 UTC.
        Assert.Equal((Tier.Tier1, HandoffStatus.Pending, "tier1-meeting"), (hot.Tier, hot.HandoffStatus, hot.HandoffRule));
        Assert.Equal((Snapshot.AsOf, HotDue, SlaStatus.OnTrack), (hot.HandoffAt, hot.SlaDue, hot.SlaStatus));
        Assert.Equal(Expected.AfterScoring(Snapshot.Hot(), Snapshot.AsOf), hot);
        Assert.Equal(Expected.AfterScoring(Snapshot.Cold(), Snapshot.AsOf), CrmFields.Of(world.Salesforce!, Snapshot.Cold().Id));
        var locked = CrmFields.Of(world.Salesforce!, Snapshot.Locked().Id);
        Assert.Equal((Tier.Tier3, true), (locked.Tier, locked.TierLocked));
        Assert.NotEqual(Tier.Tier3, Expected.Evaluate(Snapshot.Locked(), Snapshot.AsOf).SuggestedTier);
        Assert.Equal(Expected.AfterScoring(Snapshot.Locked(), Snapshot.AsOf), locked);
        Assert.Equal(
            Expected.AfterScoring(Snapshot.Breached(), Snapshot.AsOf) with { SlaStatus = SlaStatus.Breached },
            CrmFields.Of(world.Salesforce!, Snapshot.Breached().Id));
        Assert.Equal(
            Expected.AfterScoring(Snapshot.Answered(), Snapshot.AsOf) with { SlaStatus = SlaStatus.Met, FirstResponseAt = new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero) },
            CrmFields.Of(world.Salesforce!, Snapshot.Answered().Id));

        // Breached Thursday 13:00 New York, escalation 4 business hours later (Thursday 17:00): both due, each once.
        var breachedAt = Snapshot.Breached().Current.HandoffAt!.Value;
        Assert.Equal(
            [
                (World.AlertChannel, Expected.AlertKey(Snapshot.Breached().Id, breachedAt, SlaAlertLevel.Breached)),
                (World.EscalationChannel, Expected.AlertKey(Snapshot.Breached().Id, breachedAt, SlaAlertLevel.Escalated)),
            ],
            Assertions.Alerts(world).Order());
        Assert.All(world.Slack.Messages.Where(m => !m.Text!.StartsWith("Tier crossings", StringComparison.Ordinal)),
            m => Assert.Contains("<@" + World.OwnerSlackId + ">", m.Text, StringComparison.Ordinal));

        // At handoff time the owner got one DM for the new handoff, and the channel one digest of the run's tier crossings.
        Assert.Equal(
            [
                (World.AlertChannel, "tiers|" + run.RunId),
                (World.OwnerSlackId, "handoff|" + Snapshot.Hot().Id + "|2026-11-20T15:00:00Z"),
            ],
            Assertions.Announcements(world).Order());
        var dm = world.Slack.Messages.Single(m => m.Channel == World.OwnerSlackId);
        Assert.Contains("First response due *Fri 20 Nov 2026 17:00 (America/New_York, UTC-05:00)*", dm.BlocksJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerun_NoCrmChange_NoWriteCallsAndNoAlerts()
    {
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, Snapshot.All());
        var process = world.NewProcess();
        await world.ScoreAsync(process);
        await world.SweepAsync(process);
        var fields = Snapshot.All().Select(a => CrmFields.Of(world.Salesforce!, a.Id)).ToList();
        var messages = world.Slack.Messages.Count;
        var writes = world.Salesforce!.Requests.Writes;

        var rerun = await world.ScoreAsync(world.NewProcess());
        var full = await world.ScoreAsync(world.NewProcess(), full: true);
        var sweep = await world.SweepAsync(world.NewProcess());

        Assert.Equal(writes, world.Salesforce.Requests.Writes);
        Assert.Equal(messages, world.Slack.Messages.Count);
        Assert.Equal((0, 0, 0), (rerun.Written, full.Written, sweep.Written));
        Assert.Equal((0, 0), (sweep.AlertsDue, sweep.AlertsSent));
        Assert.Equal(fields, Snapshot.All().Select(a => CrmFields.Of(world.Salesforce, a.Id)));
    }

    [Fact]
    public async Task SweepThroughTheDay_OpenHandoff_AtRiskThenBreachedEachOnce()
    {
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, [Snapshot.Hot()]);
        var process = world.NewProcess();
        await world.ScoreAsync(process);
        var hot = Snapshot.Hot();
        var handoff = CrmFields.Of(world.Salesforce!, hot.Id);

        // 75 % of the 10:00–17:00 window is gone at 15:15 New York (20:15 UTC); due 17:00 (22:00 UTC).
        world.MoveTo(new DateTimeOffset(2026, 11, 20, 20, 30, 0, TimeSpan.Zero));
        Assert.Equal(SlaStatus.AtRisk, Expected.Assess(hot, handoff, world.Time.GetUtcNow()).Status);
        await world.SweepAsync(process);
        await world.SweepAsync(world.NewProcess());
        var atRisk = CrmFields.Of(world.Salesforce!, hot.Id).SlaStatus;

        world.MoveTo(new DateTimeOffset(2026, 11, 20, 22, 30, 0, TimeSpan.Zero));
        await world.SweepAsync(world.NewProcess());
        await world.SweepAsync(world.NewProcess());

        Assert.Equal(SlaStatus.AtRisk, atRisk);
        Assert.Equal(SlaStatus.Breached, CrmFields.Of(world.Salesforce!, hot.Id).SlaStatus);
        Assert.Equal(
            [
                (World.AlertChannel, Expected.AlertKey(hot.Id, Snapshot.AsOf, SlaAlertLevel.Breached)),
                (World.OwnerSlackId, Expected.AlertKey(hot.Id, Snapshot.AsOf, SlaAlertLevel.AtRisk)),
            ],
            Assertions.Alerts(world).Order());
    }
}
