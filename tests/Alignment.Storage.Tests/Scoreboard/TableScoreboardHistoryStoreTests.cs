using Alignment.Core.Tiers;
using Alignment.Sync.Scoreboard;
using Alignment.TestKit.Azurite;

namespace Alignment.Storage.Tests.Scoreboard;

public sealed class TableScoreboardHistoryStoreTests(AzuriteFixture azurite) : StoreTestBase(azurite, "scoreboard")
{
    private static StoredScoreboardWeek Row(string crm, string week, int handoffs) => new(
        crm,
        "America/New_York",
        T0,
        new WeeklyScoreboard
        {
            Week = week,
            From = T0,
            To = T0.AddDays(7),
            Handoffs = handoffs,
            Sla = new SlaFigures(1, 1, 0, 0.5, 2.5, 3.75),
            Movements = new TierMovements(1, 2, 3, 4),
        },
        new AccountCensus
        {
            AsOf = T0,
            Accounts = 10,
            ByTier = [new CountBy<Tier>(Tier.Tier1, 3)],
            Review = new ReviewQueue(1, 2, 0),
            Coverage = [new Coverage(Tier.Tier1, 3, 2)],
        });

    [Fact]
    public async Task SaveThenList_RoundTripsTheRow_NewestWeekFirst_PerCrm()
    {
        var store = Instance<IScoreboardHistory>();
        await store.SaveAsync(Row("salesforce", "2026-W46", 5), Ct);
        await store.SaveAsync(Row("salesforce", "2026-W48", 7), Ct);
        await store.SaveAsync(Row("salesforce", "2026-W47", 6), Ct);
        await store.SaveAsync(Row("hubspot", "2026-W47", 9), Ct);

        var rows = await store.ListAsync("salesforce", 2, Ct);

        Assert.Equal([("2026-W48", 7), ("2026-W47", 6)], rows.Select(r => (r.Scoreboard.Week, r.Scoreboard.Handoffs)));
        Assert.Equal(new TierMovements(1, 2, 3, 4), rows[0].Scoreboard.Movements);
        Assert.Equal((0.5, 3.75), (rows[0].Scoreboard.Sla.Compliance, rows[0].Scoreboard.Sla.P90ResponseHours));
        Assert.Equal((10, new ReviewQueue(1, 2, 0), 2), (rows[0].Census!.Accounts, rows[0].Census!.Review, rows[0].Census!.Coverage[0].Touched));
    }

    [Fact]
    public async Task SaveAsync_SameWeekTwice_Replaced()
    {
        var store = Instance<IScoreboardHistory>();
        await store.SaveAsync(Row("salesforce", "2026-W47", 1), Ct);
        await store.SaveAsync(Row("salesforce", "2026-W47", 2), Ct);

        Assert.Equal(2, Assert.Single(await store.ListAsync("salesforce", 10, Ct)).Scoreboard.Handoffs);
    }
}
