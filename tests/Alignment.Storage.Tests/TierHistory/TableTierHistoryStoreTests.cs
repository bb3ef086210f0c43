using Alignment.Core.Tiers;
using Alignment.Storage.Tests.Tables;
using Alignment.Sync.State;
using Alignment.TestKit.Azurite;

namespace Alignment.Storage.Tests.TierHistory;

public sealed class TableTierHistoryStoreTests(AzuriteFixture azurite) : StoreTestBase(azurite, "tiers")
{
    [Fact]
    public async Task GetLatestAsync_SeveralRecords_ReturnsNewestPerAccountAndOmitsUnknown()
    {
        var store = Instance<ITierHistoryStore>();
        await store.AppendAsync(
        [
            new TierRecord("001A", Tier.Tier3, 45, T0, "2026.1"),
            new TierRecord("001A", Tier.Tier1, 88, T0.AddHours(2), "2026.1"),
            new TierRecord("001A", Tier.Tier2, 70, T0.AddHours(1), "2026.1"),
            new TierRecord("001B", Tier.Tier2, 66, T0, "2026.1"),
        ], Ct);

        var latest = await store.GetLatestAsync(["001A", "001B", "001C"], Ct);

        Assert.Equal(2, latest.Count);
        Assert.Equal(new TierRecord("001A", Tier.Tier1, 88, T0.AddHours(2), "2026.1"), latest["001A"]);
        Assert.Equal(Tier.Tier2, latest["001B"].Tier);
        Assert.False(latest.ContainsKey("001C"));
    }

    [Fact]
    public async Task GetLatestAsync_ManyAccounts_ReturnsEach()
    {
        var store = Instance<ITierHistoryStore>();
        var records = Enumerable.Range(0, 40).Select(i => new TierRecord($"acc{i:D3}", Tier.Tier3, 40 + i, T0.AddMinutes(i), "v1")).ToList();
        await store.AppendAsync(records, Ct);

        var latest = await store.GetLatestAsync(records.Select(r => r.AccountId).ToList(), Ct);

        Assert.Equal(records.ToDictionary(r => r.AccountId), latest);
    }

    [Theory]
    [InlineData(1)] // a partition: contiguous ids, one scan
    [InlineData(40)] // ids far apart with other accounts' history between them: the scan gives up and queries the rest
    public async Task GetLatestAsync_AsManyIdsAsAPartition_ScansTheSpan_AndAgreesWithPerAccountQueries(int stride)
    {
        var store = Instance<ITierHistoryStore>();
        var ids = Enumerable.Range(0, 600 * stride).Select(i => $"001{i:D12}AAA").ToList();
        var records = ids.Where((_, i) => i % 8 == 0)
            .SelectMany((id, i) => new[] { new TierRecord(id, Tier.Tier3, 40, T0, "v1"), new TierRecord(id, Tier.Tier2, 60 + (i % 30), T0.AddHours(1 + (i % 5)), "v2") })
            .ToList();
        await store.AppendAsync(records, Ct);
        var asked = ids.Where((_, i) => i % stride == 0).ToList();

        var latest = await store.GetLatestAsync(asked, Ct);
        var oneByOne = new Dictionary<string, TierRecord>(StringComparer.Ordinal);
        foreach (var chunk in asked.Chunk(100))
        {
            foreach (var (id, record) in await Instance<ITierHistoryStore>().GetLatestAsync(chunk, Ct))
            {
                oneByOne[id] = record;
            }
        }

        Assert.True(asked.Count >= TableTierHistoryStoreAccess.RangeScanThreshold);
        Assert.NotEmpty(latest);
        Assert.Equal(oneByOne.OrderBy(p => p.Key, StringComparer.Ordinal), latest.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.All(latest.Values, r => Assert.Equal("v2", r.ModelVersion));
    }

    [Fact]
    public async Task AppendAsync_AThousandNeighbouringAccounts_GoesInTransactionsOfTheirBucket()
    {
        var counter = new RequestCounter();
        var store = Instance<ITierHistoryStore>(counter);
        await store.GetHistoryAsync("warm-up", 1, Ct); // creates the table and checks its layout
        var records = Enumerable.Range(0, 1000).Select(i => new TierRecord($"001{i:D12}AAA", Tier.Tier2, i % 100, T0, "v1")).ToList();
        var before = counter.Count;

        await store.AppendAsync(records, Ct);

        Assert.Equal(10, counter.Count - before); // one bucket, 100 rows a transaction (was one request an account)
        Assert.Equal(records.ToDictionary(r => r.AccountId), await Instance<ITierHistoryStore>().GetLatestAsync(records.Select(r => r.AccountId).ToList(), Ct));
    }

    [Fact]
    public async Task GetHistoryAsync_AnIdThatStartsAnotherInTheSameBucket_ReadsOnlyItsOwnRows()
    {
        var store = Instance<ITierHistoryStore>();
        const string Short = "acct-0000000000001", Long = "acct-00000000000012";
        await store.AppendAsync([new TierRecord(Short, Tier.Tier1, 90, T0, "v1"), new TierRecord(Long, Tier.Tier3, 30, T0.AddHours(1), "v1")], Ct);

        Assert.Equal([90], (await store.GetHistoryAsync(Short, 10, Ct)).Select(r => r.Score));
        Assert.Equal([30], (await store.GetHistoryAsync(Long, 10, Ct)).Select(r => r.Score));
        Assert.Equal(90, (await store.GetLatestAsync([Short], Ct))[Short].Score);
    }

    [Fact]
    public async Task AppendAsync_SameAccountAndInstantTwice_KeepsOneRecord()
    {
        var store = Instance<ITierHistoryStore>();
        await store.AppendAsync([new TierRecord("001A", Tier.Tier2, 70, T0, "v1")], Ct);
        await store.AppendAsync([new TierRecord("001A", Tier.Tier2, 70, T0, "v1"), new TierRecord("001A", Tier.Tier2, 70, T0, "v1")], Ct);

        var history = await store.GetHistoryAsync("001A", 10, Ct);

        Assert.Single(history);
    }

    [Fact]
    public async Task GetHistoryAsync_MoreThanMax_ReturnsNewestFirstUpToMax()
    {
        var store = Instance<ITierHistoryStore>();
        await store.AppendAsync(Enumerable.Range(0, 150).Select(i => new TierRecord("001A", Tier.Tier3, i, T0.AddMinutes(i), "v1")).ToList(), Ct);

        var history = await store.GetHistoryAsync("001A", 5, Ct);

        Assert.Equal([149, 148, 147, 146, 145], history.Select(r => r.Score));
    }

    [Fact]
    public async Task GetHistoryAsync_UnknownAccountOrZeroMax_ReturnsEmpty()
    {
        var store = Instance<ITierHistoryStore>();
        await store.AppendAsync([new TierRecord("001A", Tier.Tier2, 70, T0, "v1")], Ct);

        Assert.Empty(await store.GetHistoryAsync("nobody", 10, Ct));
        Assert.Empty(await store.GetHistoryAsync("001A", 0, Ct));
    }

    [Theory]
    [InlineData("acct/with/slashes")]
    [InlineData("#hash?query\\back")]
    [InlineData("Société Générale ✓")]
    public async Task AppendAsync_AwkwardAccountId_RoundTrips(string accountId)
    {
        var writer = Instance<ITierHistoryStore>();
        var reader = Instance<ITierHistoryStore>();
        await writer.AppendAsync([new TierRecord(accountId, Tier.Tier1, 90, T0, "v/1#")], Ct);

        var latest = await reader.GetLatestAsync([accountId], Ct);

        Assert.Equal(new TierRecord(accountId, Tier.Tier1, 90, T0, "v/1#"), latest[accountId]);
    }
}

/// <summary>The store's scan threshold, for the test that must ask for at least that many ids.</summary>
internal static class TableTierHistoryStoreAccess
{
    public const int RangeScanThreshold = Alignment.Storage.TierHistory.TableTierHistoryStore.RangeScanThreshold;
}
