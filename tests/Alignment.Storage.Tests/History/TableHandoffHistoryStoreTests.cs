using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.Sync.History;
using Alignment.TestKit.Azurite;

namespace Alignment.Storage.Tests.History;

public sealed class TableHandoffHistoryStoreTests(AzuriteFixture azurite) : StoreTestBase(azurite, "handoffs")
{
    private static HandoffRecord Record(string accountId, DateTimeOffset at, string rule = "tier1-meeting") => new()
    {
        AccountId = accountId,
        AccountName = "Acme",
        HandoffAt = at,
        Rule = rule,
        Tier = Tier.Tier1,
        Score = 88,
        Due = at.AddHours(4),
        OwnerId = "005A",
        RunId = "salesforce:scoring:1",
        UpdatedAt = at,
    };

    [Fact]
    public async Task AddAsync_ThenListForAccount_NewestFirstWithEveryField()
    {
        var store = Instance<IHandoffHistory>();
        await store.AddAsync([Record("001A", T0), Record("001A", T0.AddDays(40), "mqa"), Record("001B", T0)], Ct);

        var records = await store.ListForAccountAsync("001A", 10, Ct);

        Assert.Equal(["mqa", "tier1-meeting"], records.Select(r => r.Rule));
        Assert.Equal(Record("001A", T0), records[1]);
    }

    [Fact]
    public async Task AddAsync_SameHandoffTwiceMillisecondsApart_OneRecord()
    {
        var store = Instance<IHandoffHistory>();
        await store.AddAsync([Record("001A", T0)], Ct);
        await store.AddAsync([Record("001A", T0.AddMilliseconds(300))], Ct);

        Assert.Single(await store.ListForAccountAsync("001A", 10, Ct));
    }

    [Fact]
    public async Task UpdateAsync_Feedback_MergedIntoBothRowsKeepingTheDecision()
    {
        var store = Instance<IHandoffHistory>();
        await store.AddAsync([Record("001A", T0)], Ct);

        await store.UpdateAsync([new HandoffFeedback("001A", T0, HandoffStatus.Rejected, T0.AddHours(1), SlaStatus.Met, "NotIcp", true, T0.AddHours(2))], Ct);

        var byAccount = Assert.Single(await store.ListForAccountAsync("001A", 10, Ct));
        var byWeek = Assert.Single(await store.ListForWeekAsync(IsoWeek.Of(T0), Ct).ToListAsync(Ct));
        foreach (var record in new[] { byAccount, byWeek })
        {
            Assert.Equal(("tier1-meeting", 88, HandoffStatus.Rejected, SlaStatus.Met, "NotIcp", true), (record.Rule, record.Score!.Value, record.Status, record.Outcome!.Value, record.RejectionReason, record.WrongTier));
            Assert.Equal(T0.AddHours(1), record.FirstResponseAt);
        }
    }

    [Fact]
    public async Task ListForWeekAsync_SundayNightAndMondayMorningUtc_FallInTheirIsoWeeks()
    {
        // 2026-11-01 is the Sunday New York falls back: ISO weeks are UTC weeks, Monday 00:00Z to Monday 00:00Z.
        var store = Instance<IHandoffHistory>();
        var sunday = new DateTimeOffset(2026, 11, 1, 23, 59, 59, TimeSpan.Zero);
        var monday = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        await store.AddAsync([Record("001A", sunday), Record("001B", monday), Record("001C", monday.AddDays(6).AddHours(23))], Ct);

        var week44 = await store.ListForWeekAsync(new IsoWeek(2026, 44), Ct).ToListAsync(Ct);
        var week45 = await store.ListForWeekAsync(new IsoWeek(2026, 45), Ct).ToListAsync(Ct);

        Assert.Equal(["001A"], week44.Select(r => r.AccountId));
        Assert.Equal(["001B", "001C"], week45.Select(r => r.AccountId));
    }

    [Fact]
    public async Task UpdateAsync_HandoffNeverRecorded_RecordWithWhatIsKnown()
    {
        var store = Instance<IHandoffHistory>();

        await store.UpdateAsync([new HandoffFeedback("001Z", T0, HandoffStatus.Accepted, null, null, null, false, T0)], Ct);

        var record = Assert.Single(await store.ListForAccountAsync("001Z", 10, Ct));
        Assert.Equal((HandoffStatus.Accepted, "unknown"), (record.Status, record.Rule));
    }
}
