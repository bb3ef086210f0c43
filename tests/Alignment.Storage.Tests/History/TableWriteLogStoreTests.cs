using Alignment.Storage.Tests.Tables;
using Alignment.Sync.Crm;
using Alignment.Sync.History;
using Alignment.TestKit.Azurite;

namespace Alignment.Storage.Tests.History;

public sealed class TableWriteLogStoreTests(AzuriteFixture azurite) : StoreTestBase(azurite, "writelog")
{
    [Fact]
    public async Task AppendAsync_ThenList_NewestFirstWithOldAndNewValues()
    {
        var store = Instance<IWriteLog>();
        await store.AppendAsync(
        [
            new AccountChange("001/A#1", T0, "salesforce:scoring:1", [new FieldChange(AlignmentField.Tier, "Tier3", "Tier2"), new FieldChange(AlignmentField.Score, null, "70")]),
            new AccountChange("001/A#1", T0.AddHours(1), "salesforce:sla-sweep:2", [new FieldChange(AlignmentField.SlaStatus, "OnTrack", "AtRisk")]),
            new AccountChange("001B", T0, "salesforce:scoring:1", [new FieldChange(AlignmentField.Score, "1", "2")]),
        ], Ct);

        var log = await store.ListForAccountAsync("001/A#1", 10, Ct);

        Assert.Equal(["salesforce:sla-sweep:2", "salesforce:scoring:1"], log.Select(c => c.RunId));
        Assert.Equal([new FieldChange(AlignmentField.Tier, "Tier3", "Tier2"), new FieldChange(AlignmentField.Score, null, "70")], log[1].Changes);
    }

    [Fact]
    public async Task AppendAsync_SameWriteTwice_OneEntry()
    {
        var store = Instance<IWriteLog>();
        var change = new AccountChange("001A", T0, "run-1", [new FieldChange(AlignmentField.Score, "1", "2")]);

        await store.AppendAsync([change], Ct);
        await store.AppendAsync([change], Ct);

        Assert.Single(await store.ListForAccountAsync("001A", 10, Ct));
    }

    [Fact]
    public async Task ListMovementsForWeekAsync_OnlyTierAndRecycleChangesOfThatWeek_InWriteOrder()
    {
        var store = Instance<IWriteLog>();
        var monday = new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
        await store.AppendAsync(
        [
            new AccountChange("001A", monday.AddDays(2), "run-2", [new FieldChange(AlignmentField.Tier, "Tier2", "Tier1")]),
            new AccountChange("001A", monday, "run-1", [new FieldChange(AlignmentField.Tier, "Tier3", "Tier2"), new FieldChange(AlignmentField.Score, "40", "60")]),
            new AccountChange("001B", monday.AddDays(1), "run-1", [new FieldChange(AlignmentField.HandoffStatus, "Pending", "Recycled")]),
            new AccountChange("001C", monday.AddDays(1), "run-1", [new FieldChange(AlignmentField.HandoffStatus, "None", "Pending"), new FieldChange(AlignmentField.Score, "1", "2")]),
            new AccountChange("001D", monday.AddDays(-1), "run-0", [new FieldChange(AlignmentField.Tier, "Tier3", "Tier1")]),
        ], Ct);
        await store.AppendAsync([new AccountChange("001A", monday, "run-1", [new FieldChange(AlignmentField.Tier, "Tier3", "Tier2")])], Ct); // the same write again

        var week = new List<AccountChange>();
        await foreach (var movement in store.ListMovementsForWeekAsync(new IsoWeek(2026, 47), Ct))
        {
            week.Add(movement);
        }

        Assert.Equal([("001A", "run-1"), ("001B", "run-1"), ("001A", "run-2")], week.Select(m => (m.AccountId, m.RunId)));
        Assert.Equal([new FieldChange(AlignmentField.Tier, "Tier3", "Tier2")], week[0].Changes); // the score change stays in the account's log only
        Assert.Equal(2, (await store.ListForAccountAsync("001A", 10, Ct)).Count);
    }

    [Fact]
    public async Task AppendAsync_AFullRunsTierChanges_BatchedIntoTheWeeksPartition()
    {
        var store = Instance<IWriteLog>();
        var changes = Enumerable.Range(0, 250)
            .Select(i => new AccountChange("001" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), T0, "run-1", [new FieldChange(AlignmentField.Tier, null, "Tier3")]))
            .ToList();

        await store.AppendAsync(changes, Ct);

        var count = 0;
        await foreach (var _ in store.ListMovementsForWeekAsync(IsoWeek.Of(T0), Ct))
        {
            count++;
        }

        Assert.Equal(250, count);
    }

    [Fact]
    public async Task AppendAsync_AThousandNeighbouringAccountsMoving_GoesInTransactionsOfTheirBucketAndWeek()
    {
        var counter = new RequestCounter();
        var store = Instance<IWriteLog>(counter);
        await store.ListForAccountAsync("warm-up", 1, Ct); // creates the table and checks its layout
        var changes = Enumerable.Range(0, 1000)
            .Select(i => new AccountChange($"001{i:D12}AAA", T0, "run-1", [new FieldChange(AlignmentField.Tier, "Tier3", "Tier2")]))
            .ToList();
        var before = counter.Count;

        await store.AppendAsync(changes, Ct);

        Assert.Equal(10 + 10, counter.Count - before); // account rows: one bucket; week rows: one week; 100 a transaction
        Assert.Single(await store.ListForAccountAsync("001000000000999AAA", 10, Ct));
    }
}
