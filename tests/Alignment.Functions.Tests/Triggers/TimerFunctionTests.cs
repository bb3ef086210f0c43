using Alignment.Core.Calibration;
using Alignment.Functions.Triggers;
using Alignment.Hosting.Runs;
using Alignment.Sync.Alerts;
using Alignment.Sync.Calibration;
using Alignment.Sync.Inbox;
using Alignment.Sync.Runs;
using Alignment.Sync.Scoring;
using Alignment.Sync.Sla;
using Alignment.Sync.State;
using Microsoft.Azure.Functions.Worker;
using Moq;

namespace Alignment.Functions.Tests.Triggers;

/// <summary>
/// The timer functions run their job with the right request, and turn a <c>Failed</c> run into an exception so that the
/// host's retry policy (and its failure telemetry) sees it; a run stopped at the API budget is not a failure.
/// </summary>
[Collection(Alignment.Functions.Tests.Telemetry.SyncTelemetryCollection.Name)]
public sealed class TimerFunctionTests
{
    private static readonly TimerInfo Timer = new();
    private readonly JobHarness _h = new();

    [Fact]
    public async Task ScoreAccounts_CheckpointUpToDate_RunsTheIncrementalScoringRun()
    {
        await _h.Checkpoints.SaveAsync(ScoringRunJob.CheckpointName(_h.Crm.Name), new Checkpoint(JobHarness.T0.AddDays(-2), JobHarness.T0), null, CancellationToken.None);
        _h.AddAccount("001A");

        await new ScoreAccountsFunction(_h.ScoringJob()).RunAsync(Timer, CancellationToken.None);

        var run = Assert.Single(_h.Runs.All);
        Assert.Equal((ScoringRunJob.IncrementalKind, RunOutcome.Succeeded, 1, 1), (run.Kind, run.Outcome, run.Read, run.Written));
    }

    [Fact]
    public async Task FullRescore_CheckpointUpToDate_RunsTheFullRescore()
    {
        await _h.Checkpoints.SaveAsync(ScoringRunJob.CheckpointName(_h.Crm.Name), new Checkpoint(JobHarness.T0.AddMinutes(-1), JobHarness.T0), null, CancellationToken.None);
        _h.AddAccount("001A");

        await _h.FullRescoreFunction().RunAsync(Timer, CancellationToken.None);

        var run = Assert.Single(_h.Runs.All);
        Assert.Equal((ScoringRunJob.FullKind, RunOutcome.Succeeded, 1), (run.Kind, run.Outcome, run.Read));
    }

    [Fact]
    public async Task FullRescore_Partitioned_PlansAndEnqueuesInsteadOfScoring()
    {
        _h.Options.PartitionedFullRescore = true;
        _h.AddAccount("001A");
        _h.AddAccount("001B");

        await _h.FullRescoreFunction().RunAsync(Timer, CancellationToken.None);

        Assert.Empty(_h.Runs.All);
        Assert.Empty(_h.Crm.Writes);
        Assert.Equal(1, _h.PartitionQueue.Count);
        Assert.True(_h.PartitionQueue.TryDequeue(out var partition));

        await new ScorePartitionFunction(_h.PartitionRunJob()).RunAsync(Alignment.Storage.Partitions.PartitionQueues.Serialize(partition), CancellationToken.None);

        var run = Assert.Single(_h.Runs.All);
        Assert.Equal((partition.RunId, ScoringRunJob.FullKind, 2, 2), (run.RunId, run.Kind, run.Read, run.Written));
    }

    [Fact]
    public async Task ScorePartition_MalformedMessage_ThrowsNamingTheProblem_SoTheHostRetriesThenPoisonsIt()
    {
        var thrown = await Assert.ThrowsAsync<System.Text.Json.JsonException>(
            () => new ScorePartitionFunction(_h.PartitionRunJob()).RunAsync("null", CancellationToken.None));

        Assert.Contains("partition message", thrown.Message, StringComparison.Ordinal);
        Assert.Empty(_h.Crm.Writes);
    }

    [Fact]
    public async Task ScoreAccounts_CrmDown_ThrowsRunFailedForTheHostsRetry()
    {
        _h.AddAccount("001A");
        _h.Crm.FailCalls(1, 5, 503);

        var thrown = await Assert.ThrowsAsync<RunFailedException>(() => new ScoreAccountsFunction(_h.ScoringJob()).RunAsync(Timer, CancellationToken.None));

        var run = Assert.Single(_h.Runs.All);
        Assert.Equal(RunOutcome.Failed, run.Outcome);
        Assert.Equal(run.RunId, thrown.RunId);
        Assert.Contains("SERVER_UNAVAILABLE", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullRescore_CrmDown_ThrowsRunFailedForTheHostsRetry()
    {
        _h.AddAccount("001A");
        _h.Crm.FailCalls(1, 5, 503);

        await Assert.ThrowsAsync<RunFailedException>(() => _h.FullRescoreFunction().RunAsync(Timer, CancellationToken.None));
    }

    [Fact]
    public async Task ScoreAccounts_BudgetUsedUp_CompletesWithoutThrowing()
    {
        _h.AddAccount("001A");
        _h.Crm.BudgetCalls = 0;

        await new ScoreAccountsFunction(_h.ScoringJob()).RunAsync(Timer, CancellationToken.None);

        Assert.Equal(RunOutcome.StoppedAtBudget, Assert.Single(_h.Runs.All).Outcome);
    }

    [Fact]
    public async Task SweepSla_Run_RecordsTheSweep()
    {
        await new SweepSlaFunction(_h.SweepJob()).RunAsync(Timer, CancellationToken.None);

        var run = Assert.Single(_h.Runs.All);
        Assert.Equal((SlaSweepJob.Kind, RunOutcome.Succeeded), (run.Kind, run.Outcome));
    }

    [Fact]
    public async Task SweepSla_CrmDown_ThrowsRunFailedForTheHostsRetry()
    {
        _h.Crm.FailCalls(1, 5, 503);

        var thrown = await Assert.ThrowsAsync<RunFailedException>(() => new SweepSlaFunction(_h.SweepJob()).RunAsync(Timer, CancellationToken.None));

        Assert.Equal(RunKind.SlaSweep, thrown.Kind);
    }

    [Fact]
    public async Task DrainInbox_DueDelivery_ProcessesIt()
    {
        _h.AddAccount("001A");
        await _h.Inbox.AddAsync([new InboxItem { EventId = "hubspot:1", Source = "hubspot", AccountIds = ["001A"], ReceivedAt = JobHarness.T0 }], CancellationToken.None);

        await new DrainInboxFunction(_h.DrainJob()).RunAsync(Timer, CancellationToken.None);

        Assert.Equal(InboxState.Done, (await _h.Inbox.GetAsync("hubspot:1", CancellationToken.None))!.Value.State);
        Assert.Single(_h.Crm.Writes);
    }

    [Fact]
    public async Task Calibrate_ClosedOpportunities_PostsTheMonthsSummaryOnce()
    {
        _h.AddAccount("001A");
        _h.AddAccount("001B");
        var outcomes = new Mock<IOutcomeReader>();
        outcomes.Setup(o => o.ReadClosedAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).Returns(() => Opportunities(
            new Opportunity("006A", "001A", JobHarness.T0.AddDays(-40), JobHarness.T0.AddDays(-10), true, 5_000m),
            new Opportunity("006B", "001B", JobHarness.T0.AddDays(-40), JobHarness.T0.AddDays(-10), false, 5_000m)));
        var function = new CalibrateFunction(_h.CalibrationJob(outcomes.Object));

        await function.RunAsync(Timer, CancellationToken.None);
        await function.RunAsync(Timer, CancellationToken.None);

        Assert.Equal(AlertLevel.Calibration, Assert.Single(_h.Channel.Delivered).Level);
        outcomes.Verify(o => o.ReadClosedAsync(JobHarness.T0.AddDays(-365), It.IsAny<CancellationToken>()), Times.Once());
        Assert.All(_h.Runs.All, r => Assert.Equal((CalibrationRunJob.Kind, RunOutcome.Succeeded), (r.Kind, r.Outcome)));
    }

    [Fact]
    public async Task Calibrate_CrmDown_ThrowsRunFailedForTheHostsRetry()
    {
        _h.Crm.FailCalls(1, 5, 503);
        var outcomes = new Mock<IOutcomeReader>();
        outcomes.Setup(o => o.ReadClosedAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).Returns(() => Opportunities());

        var thrown = await Assert.ThrowsAsync<RunFailedException>(() => new CalibrateFunction(_h.CalibrationJob(outcomes.Object)).RunAsync(Timer, CancellationToken.None));

        Assert.Equal(CalibrationRunJob.Kind, thrown.Kind);
        Assert.Empty(_h.Channel.Delivered);
    }

    [Fact]
    public async Task Calibrate_NoOutcomeReaderForTheCrm_SucceedsWithoutPosting()
    {
        await new CalibrateFunction(_h.CalibrationJob()).RunAsync(Timer, CancellationToken.None);

        Assert.Empty(_h.Channel.Delivered);
        Assert.Equal(CalibrationRunJob.OutcomesUnsupported, Assert.Single(_h.Runs.All).Error);
    }

    [Fact]
    public async Task WeeklyDigest_AfterMonday0800TeamTime_PostsTheWeekThatEndedOnce()
    {
        var function = new WeeklyDigestFunction(_h.WeeklyDigestJob());

        await function.RunAsync(Timer, CancellationToken.None);
        await function.RunAsync(Timer, CancellationToken.None);

        // Thursday 2026-12-03: the week that ended is 2026-W48.
        var alert = Assert.Single(_h.Channel.Delivered);
        Assert.Equal((AlertLevel.WeeklyDigest, "2026-W48"), (alert.Level, alert.AccountId));
    }

    private static async IAsyncEnumerable<Opportunity> Opportunities(params Opportunity[] opportunities)
    {
        foreach (var opportunity in opportunities)
        {
            await Task.Yield();
            yield return opportunity;
        }
    }
}
