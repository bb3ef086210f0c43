using Alignment.Sync.Runs;
using Alignment.Sync.State;
using Alignment.TestKit.Azurite;

namespace Alignment.Storage.Tests.Runs;

public sealed class TableRunLedgerStoreTests(AzuriteFixture azurite) : StoreTestBase(azurite, "runs")
{
    [Fact]
    public async Task ListRecentAsync_SeveralRuns_NewestFirstUpToMax()
    {
        var ledger = Instance<IRunLedger>();
        foreach (var minutes in new[] { 15, 0, 45, 30 })
        {
            await ledger.AddAsync(Run($"run-{minutes}", T0.AddMinutes(minutes)), Ct);
        }

        var recent = await ledger.ListRecentAsync(3, Ct);

        Assert.Equal(["run-45", "run-30", "run-15"], recent.Select(r => r.RunId));
    }

    [Fact]
    public async Task AddAsync_AllFields_RoundTrip()
    {
        var ledger = Instance<IRunLedger>();
        var run = Run("r/1#", T0) with
        {
            FinishedAt = T0.AddSeconds(42),
            Outcome = RunOutcome.StoppedAtBudget,
            Read = 1,
            Scored = 2,
            Changed = 3,
            Written = 4,
            Failed = 5,
            AlertsSent = 6,
            ApiCalls = 7,
            ModelVersion = "2026.1",
            Error = "REQUEST_LIMIT_EXCEEDED x1",
        };

        await ledger.AddAsync(run, Ct);

        Assert.Equal(run, Assert.Single(await Instance<IRunLedger>().ListRecentAsync(10, Ct)));
    }

    [Fact]
    public async Task AddAsync_SameRunAgain_ReplacesIt()
    {
        var ledger = Instance<IRunLedger>();
        await ledger.AddAsync(Run("r1", T0) with { Outcome = RunOutcome.Cancelled }, Ct);
        await ledger.AddAsync(Run("r1", T0) with { Outcome = RunOutcome.Succeeded, FinishedAt = T0.AddMinutes(1) }, Ct);

        var recent = await ledger.ListRecentAsync(10, Ct);

        Assert.Equal(RunOutcome.Succeeded, Assert.Single(recent).Outcome);
    }

    [Fact]
    public async Task ListRecentAsync_Empty_ReturnsEmpty() =>
        Assert.Empty(await Instance<IRunLedger>().ListRecentAsync(5, Ct));

    private static RunRecord Run(string id, DateTimeOffset startedAt) =>
        new() { RunId = id, Kind = Sync.Runs.RunKind.Scoring, Crm = "salesforce", StartedAt = startedAt };
}
