using Alignment.Core.Tiers;
using Alignment.Storage.Tables;
using Alignment.Sync.Crm;
using Alignment.Sync.History;
using Alignment.Sync.State;
using Alignment.TestKit.Azurite;
using Azure.Data.Tables;

namespace Alignment.Storage.Tests.Tables;

/// <summary>Tables written before the bucketed layout (one partition an account) are moved on first use.</summary>
public sealed class BucketedLayoutTests(AzuriteFixture azurite) : StoreTestBase(azurite, "layout")
{
    private const string Awkward = "acct/with#slashes";

    [Fact]
    public async Task TierHistory_RowsOfTheOldLayout_AreMovedOnce_AndReadAsBefore()
    {
        var table = await RawTableAsync(TableNames.TierHistory);
        await AddOldTierRowsAsync(table, "001A", (T0, Tier.Tier3, 45), (T0.AddHours(1), Tier.Tier2, 70), (T0.AddHours(2), Tier.Tier1, 88));
        await AddOldTierRowsAsync(table, Awkward, (T0, Tier.Tier2, 60));

        // Two instances start at once: both may move rows; each reads only once its own pass is done.
        var first = Instance<ITierHistoryStore>();
        var second = Instance<ITierHistoryStore>();
        var latestTask = first.GetLatestAsync(["001A", Awkward, "001C"], Ct);
        var historyTask = second.GetHistoryAsync("001A", 10, Ct);
        var latest = await latestTask;
        var history = await historyTask;

        Assert.Equal(new TierRecord("001A", Tier.Tier1, 88, T0.AddHours(2), "v0"), latest["001A"]);
        Assert.Equal(new TierRecord(Awkward, Tier.Tier2, 60, T0, "v0"), latest[Awkward]);
        Assert.False(latest.ContainsKey("001C"));
        Assert.Equal([88, 70, 45], history.Select(r => r.Score));
        var rows = await AllRowsAsync(table);
        Assert.DoesNotContain(rows, r => AccountBucket.IsLegacyPartition(r.PartitionKey));
        Assert.Equal(4, rows.Count(r => r.PartitionKey.StartsWith(AccountBucket.Prefix, StringComparison.Ordinal)));
        Assert.Contains(rows, r => r.PartitionKey == BucketedLayout.MarkerPartition && r.RowKey == BucketedLayout.Version);
    }

    [Fact]
    public async Task TierHistory_AMoveThatWasInterrupted_IsFinished_WithoutDoubles()
    {
        var table = await RawTableAsync(TableNames.TierHistory);
        await AddOldTierRowsAsync(table, "001A", (T0, Tier.Tier3, 45), (T0.AddHours(1), Tier.Tier2, 70));
        await Instance<ITierHistoryStore>().AppendAsync([new TierRecord("001A", Tier.Tier3, 45, T0, "v0")], Ct); // moved, old row not yet deleted
        await table.DeleteEntityAsync(BucketedLayout.MarkerPartition, BucketedLayout.Version, cancellationToken: Ct); // the marker written by that first use
        await AddOldTierRowsAsync(table, "001A", (T0, Tier.Tier3, 45));

        var history = await Instance<ITierHistoryStore>().GetHistoryAsync("001A", 10, Ct);

        Assert.Equal([70, 45], history.Select(r => r.Score));
        Assert.DoesNotContain(await AllRowsAsync(table), r => AccountBucket.IsLegacyPartition(r.PartitionKey));
    }

    [Fact]
    public async Task TierHistory_ATableAlreadyMoved_IsOnlyCheckedByItsMarker()
    {
        await Instance<ITierHistoryStore>().AppendAsync([new TierRecord("001A", Tier.Tier3, 45, T0, "v1")], Ct);
        var counter = new RequestCounter();

        var history = await Instance<ITierHistoryStore>(counter).GetHistoryAsync("001A", 10, Ct);

        Assert.Single(history);
        Assert.Equal(3, counter.Count); // create-if-not-exists, the marker, the account's rows
    }

    [Fact]
    public async Task WriteLog_AccountRowsOfTheOldLayout_AreMoved_WeekRowsStay()
    {
        var table = await RawTableAsync(TableNames.WriteLog);
        var changes = "[{\"field\":\"Tier\",\"oldValue\":\"Tier3\",\"newValue\":\"Tier2\"}]";
        foreach (var (accountId, at, runId) in new[] { ("001A", T0, "run-1"), ("001A", T0.AddHours(1), "run-2"), (Awkward, T0, "run/1") })
        {
            await table.AddEntityAsync(
                new TableEntity(TableKey.Escape(accountId), TableKey.InvertedTicks(at) + "|" + TableKey.Escape(runId))
                {
                    ["AccountId"] = accountId, ["At"] = at, ["RunId"] = runId, ["ChangesJson"] = changes,
                },
                Ct);
        }

        await table.AddEntityAsync(
            new TableEntity("week|" + IsoWeek.Of(T0), TableKey.Ticks(T0) + "|001A|run-1") { ["AccountId"] = "001A", ["At"] = T0, ["RunId"] = "run-1", ["ChangesJson"] = changes },
            Ct);

        var store = Instance<IWriteLog>();
        var log = await store.ListForAccountAsync("001A", 10, Ct);
        var awkward = await store.ListForAccountAsync(Awkward, 10, Ct);
        var week = new List<AccountChange>();
        await foreach (var movement in store.ListMovementsForWeekAsync(IsoWeek.Of(T0), Ct))
        {
            week.Add(movement);
        }

        Assert.Equal(["run-2", "run-1"], log.Select(c => c.RunId));
        Assert.Equal([new FieldChange(AlignmentField.Tier, "Tier3", "Tier2")], log[0].Changes);
        Assert.Equal(T0.AddHours(1), log[0].At);
        Assert.Equal("run/1", Assert.Single(awkward).RunId);
        Assert.Equal("001A", Assert.Single(week).AccountId);
        Assert.DoesNotContain(await AllRowsAsync(table), r => AccountBucket.IsLegacyPartition(r.PartitionKey));
    }

    private async Task<TableClient> RawTableAsync(string suffix)
    {
        var table = new TableServiceClient(ConnectionString).GetTableClient(TablePrefix + suffix);
        await table.CreateIfNotExistsAsync(Ct);
        return table;
    }

    /// <summary>Rows as the tier history wrote them before the bucketed layout: PartitionKey the escaped id, RowKey the inverted ticks.</summary>
    private static async Task AddOldTierRowsAsync(TableClient table, string accountId, params (DateTimeOffset At, Tier Tier, int Score)[] records)
    {
        foreach (var (at, tier, score) in records)
        {
            await table.UpsertEntityAsync(
                new TableEntity(TableKey.Escape(accountId), TableKey.InvertedTicks(at))
                {
                    ["AccountId"] = accountId, ["Tier"] = tier.ToString(), ["Score"] = score, ["At"] = at, ["ModelVersion"] = "v0",
                },
                TableUpdateMode.Replace,
                Ct);
        }
    }

    private static async Task<List<TableEntity>> AllRowsAsync(TableClient table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: Ct))
        {
            rows.Add(row);
        }

        return rows;
    }
}
