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
}
