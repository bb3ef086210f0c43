using System.Globalization;
using Alignment.Sync.Partitions;
using Alignment.Sync.Runs;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Alignment.TestKit.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alignment.Sync.Tests.Partitions;

public sealed class PartitionJobsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Harness
    {
        public Harness(int accounts, int partitionSize, int partitionBatchSize = 5_000)
        {
            Sync = new SyncHarness(new SyncOptions { PartitionSize = partitionSize, PartitionedFullRescore = true, PartitionBatchSize = partitionBatchSize });
            for (var i = 0; i < accounts; i++)
            {
                var id = "001" + i.ToString("D12", CultureInfo.InvariantCulture) + "AAA";
                Sync.Add(i % 5 == 0 ? Sync.Hot(id) : SyncHarness.Warm(id));
            }
        }

        public SyncHarness Sync { get; }
        public InMemoryPartitionQueue Queue { get; } = new();
        public InMemoryPartitionLedger Ledger { get; } = new();

        public PartitionPlanJob PlanJob() =>
            new(Sync.Crm, Sync.Crm, Ledger, Queue, Microsoft.Extensions.Options.Options.Create(Sync.Options), Sync.Time, NullLogger<PartitionPlanJob>.Instance);

        public PartitionRunJob RunJob() =>
            new(Sync.ScoringJob(), Ledger, Sync.Runs, Sync.Checkpoints, Sync.Time, NullLogger<PartitionRunJob>.Instance);

        /// <summary>Drains the queue as the queue-triggered function would, one message at a time.</summary>
        public async Task<List<ScoringRunResult>> DrainAsync()
        {
            var results = new List<ScoringRunResult>();
            while (Queue.TryDequeue(out var message))
            {
                results.Add(await RunJob().RunAsync(message, Ct));
            }

            return results;
        }
    }

    [Fact]
    public async Task PartitionedRun_ScoresEveryAccountOnce_AndRecordsTheRunOnce()
    {
        var h = new Harness(accounts: 2_500, partitionSize: 1_000);

        var plan = await h.PlanJob().RunAsync(Ct);
        var results = await h.DrainAsync();

        Assert.Equal((3, 3, false), (plan.Partitions, plan.Enqueued, plan.Resumed));
        Assert.Equal([1_000, 1_000, 500], results.Select(r => r.Read));
        Assert.Equal(2_500, h.Sync.Crm.Writes.Select(w => w.AccountId).Distinct().Count());
        Assert.Equal(2_500, h.Sync.Crm.Writes.Count);
        var run = Assert.Single(h.Sync.Runs.All);
        Assert.Equal((plan.RunId, ScoringRunJob.FullKind, RunOutcome.Succeeded, 2_500, 2_500), (run.RunId, run.Kind, run.Outcome, run.Read, run.Written));
        var checkpoint = await h.Sync.Checkpoints.GetAsync(ScoringRunJob.CheckpointName(h.Sync.Crm.Name), Ct);
        Assert.Equal(SyncHarness.T0, checkpoint!.Value.LastFullRunAt);
        Assert.Null(await h.Ledger.GetOpenRunAsync(h.Sync.Crm.Name, Ct));
    }

    [Fact]
    public async Task PartitionPlannedABatchAtATime_WritesAndRecordsExactlyWhatTheWholePartitionDoes()
    {
        // The worker holds one batch (docs/partitions.md, "A worker's memory"): 1,200 accounts in batches of 500, their
        // writes and follow-ups staged on disk, must come out as the partition planned at once.
        var batched = new Harness(accounts: 1_200, partitionSize: 1_200, partitionBatchSize: 500);
        var whole = new Harness(accounts: 1_200, partitionSize: 1_200);
        foreach (var h in new[] { batched, whole })
        {
            await h.PlanJob().RunAsync(Ct);
            Assert.Single(await h.DrainAsync());
        }

        static string Writes(Harness h) => string.Join("\n", h.Sync.Crm.Writes
            .OrderBy(w => w.AccountId, StringComparer.Ordinal)
            .Select(w => w.AccountId + " " + string.Join(",", w.Fields.Order()) + " " + w.Values));
        static string Log(Harness h) => string.Join("\n", h.Sync.WriteLog.All
            .OrderBy(c => c.AccountId, StringComparer.Ordinal)
            .Select(c => c.AccountId + " " + c.RunId + " " + string.Join(",", c.Changes.Select(f => f.Field + "=" + f.OldValue + ">" + f.NewValue))));
        static string Handoffs(Harness h) => string.Join("\n", h.Sync.History.All.OrderBy(r => r.AccountId, StringComparer.Ordinal).Select(r => r with { RunId = null }));
        static string Alerts(Harness h) => string.Join("\n", h.Sync.AlertLedger.All.Select(e => e.Alert.Key + " " + e.Alert.Reasons + " " + e.Alert.Owner?.Id).Order(StringComparer.Ordinal));
        static string Tiers(Harness h) => string.Join("\n", h.Sync.TierHistory.All.OrderBy(r => r.AccountId, StringComparer.Ordinal));

        Assert.Equal(1_200, batched.Sync.Crm.Writes.Count);
        Assert.Equal(1_200, batched.Sync.WriteLog.All.Count);
        Assert.Equal(240, batched.Sync.History.All.Count);
        Assert.Equal(Writes(whole), Writes(batched));
        Assert.Equal(Log(whole).Replace(whole.Sync.Runs.All[0].RunId, "run", StringComparison.Ordinal), Log(batched).Replace(batched.Sync.Runs.All[0].RunId, "run", StringComparison.Ordinal));
        Assert.Equal(Handoffs(whole), Handoffs(batched));
        Assert.Equal(Alerts(whole), Alerts(batched));
        Assert.Equal(Tiers(whole), Tiers(batched));
    }

    [Fact]
    public async Task WorkerDiesAfterItsWrites_TheRedeliveredPartitionWritesNothingTwice()
    {
        var h = new Harness(accounts: 1_200, partitionSize: 1_000);
        await h.PlanJob().RunAsync(Ct);
        Assert.True(h.Queue.TryDequeue(out var first));
        h.Ledger.BeforeComplete = _ => throw new SimulatedCrashException();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.RunJob().RunAsync(first, Ct));
        var writesBefore = h.Sync.Crm.Writes.Count;
        h.Ledger.BeforeComplete = null;
        var again = await h.RunJob().RunAsync(first, Ct);
        await h.DrainAsync();

        Assert.Equal(1_000, writesBefore);
        Assert.Equal(0, again.Written);
        Assert.Equal(1_200, h.Sync.Crm.Writes.Count);
        Assert.Equal(1_200, h.Sync.Crm.Writes.Select(w => w.AccountId).Distinct().Count());
        Assert.Single(h.Sync.Runs.All);
    }

    [Fact]
    public async Task Rerun_WhileARunIsOpen_EnqueuesOnlyThePartitionsNotDone()
    {
        var h = new Harness(accounts: 4_000, partitionSize: 1_000);
        var plan = await h.PlanJob().RunAsync(Ct);
        Assert.True(h.Queue.TryDequeue(out var a));
        Assert.True(h.Queue.TryDequeue(out var b));
        await h.RunJob().RunAsync(a, Ct);
        await h.RunJob().RunAsync(b, Ct);
        while (h.Queue.TryDequeue(out _))
        {
            // the other two messages are lost (e.g. expired on the queue)
        }

        var rerun = await h.PlanJob().RunAsync(Ct);
        await h.DrainAsync();

        Assert.Equal((plan.RunId, 4, 2, true), (rerun.RunId, rerun.Partitions, rerun.Enqueued, rerun.Resumed));
        Assert.Equal(4_000, h.Sync.Crm.Writes.Select(w => w.AccountId).Distinct().Count());
        Assert.Equal(4_000, Assert.Single(h.Sync.Runs.All).Read);
    }

    [Fact]
    public async Task OpenRunOlderThanTheMaxAge_IsPlannedAnew()
    {
        var h = new Harness(accounts: 1_500, partitionSize: 1_000);
        var first = await h.PlanJob().RunAsync(Ct);
        h.Sync.Time.Advance(h.Sync.Options.PartitionRunMaxAge + TimeSpan.FromMinutes(1));

        var second = await h.PlanJob().RunAsync(Ct);

        Assert.False(second.Resumed);
        Assert.NotEqual(first.RunId, second.RunId);
    }

    [Fact]
    public async Task PartitionWhoseWritesFailTransiently_Throws_AndIsNotMarkedDone()
    {
        var h = new Harness(accounts: 10, partitionSize: 1_000);
        await h.PlanJob().RunAsync(Ct);
        Assert.True(h.Queue.TryDequeue(out var message));
        h.Sync.Crm.FailWrites("001000000000003AAA", transient: true);

        await Assert.ThrowsAsync<Alignment.Sync.Crm.CrmException>(() => h.RunJob().RunAsync(message, Ct));

        var row = Assert.Single(await h.Ledger.ListAsync(message.RunId, Ct));
        Assert.False(row.IsDone);
        Assert.Equal(1, row.FailedAttempts);
        Assert.StartsWith("TRANSIENT_WRITE_FAILURES: ", row.LastError, StringComparison.Ordinal);
        Assert.Empty(h.Sync.Runs.All);
    }

    [Fact]
    public async Task BudgetRunsOutMidWrite_WhatWasWrittenKeepsItsHistory_AndTheRedeliveryWritesTheRestOnce()
    {
        // The fake CRM takes the staged writes in batches of 200 (a CRM that does not write them in one go); the
        // budget allows three write calls. The partition stops, but the 600 accounts written get their write-log
        // entries before it throws: a redelivery (the diff) would not write them again, so nothing else would.
        var baseline = new Harness(accounts: 1_200, partitionSize: 1_200, partitionBatchSize: 500);
        await baseline.PlanJob().RunAsync(Ct);
        var planned = baseline.Sync.Crm.Calls;
        await baseline.DrainAsync();
        var readCalls = baseline.Sync.Crm.Calls - planned - baseline.Sync.Crm.WriteCalls;
        Assert.Equal(6, baseline.Sync.Crm.WriteCalls);

        var h = new Harness(accounts: 1_200, partitionSize: 1_200, partitionBatchSize: 500);
        await h.PlanJob().RunAsync(Ct);
        Assert.True(h.Queue.TryDequeue(out var message));
        h.Sync.Crm.BudgetCalls = h.Sync.Crm.Calls + readCalls + 3; // the partition's read, then three write calls

        await Assert.ThrowsAsync<Alignment.Sync.Crm.CrmBudgetExhaustedException>(() => h.RunJob().RunAsync(message, Ct));

        Assert.Equal(600, h.Sync.Crm.Writes.Count);
        Assert.Equal(h.Sync.Crm.Writes.Select(w => w.AccountId).Order(StringComparer.Ordinal), h.Sync.WriteLog.All.Select(c => c.AccountId).Order(StringComparer.Ordinal));

        h.Sync.Crm.BudgetCalls = null;
        await h.RunJob().RunAsync(message, Ct);

        Assert.Equal(1_200, h.Sync.Crm.Writes.Count);
        Assert.Equal(1_200, h.Sync.Crm.Writes.Select(w => w.AccountId).Distinct().Count());
        Assert.Equal(1_200, h.Sync.WriteLog.All.Select(c => c.AccountId).Distinct().Count());
        Assert.Equal(1_200, h.Sync.WriteLog.All.Count);
    }
}
