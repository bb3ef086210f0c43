using Alignment.Core.Accounts;
using Alignment.Core.Tiers;
using Alignment.Sync.Alerts;
using Alignment.Sync.State;
using Alignment.TestKit.Azurite;

namespace Alignment.Storage.Tests.AlertLedger;

public sealed class TableAlertLedgerStoreTests(AzuriteFixture azurite) : StoreTestBase(azurite, "alerts")
{
    [Fact]
    public async Task TryCreateAsync_New_StoresWholeEntry()
    {
        var ledger = Instance<IAlertLedger>();
        var entry = Entry("001A:2026-11-20T15:00:00Z:Breached");

        var created = await ledger.TryCreateAsync(entry, Ct);
        var read = await Instance<IAlertLedger>().GetAsync(entry.Alert.Key, Ct);

        Assert.NotNull(created);
        Assert.NotNull(read);
        Assert.Equal(created.ETag, read.ETag);
        Assert.Equal(entry, read.Value);
    }

    [Fact]
    public async Task TryCreateAsync_KeyTakenByAnotherInstance_ReturnsNull()
    {
        var first = Instance<IAlertLedger>();
        var second = Instance<IAlertLedger>();
        Assert.NotNull(await first.TryCreateAsync(Entry("k1"), Ct));

        Assert.Null(await second.TryCreateAsync(Entry("k1") with { Attempts = 9 }, Ct));
        Assert.Equal(0, (await first.GetAsync("k1", Ct))!.Value.Attempts);
    }

    [Fact]
    public async Task UpdateAsync_CurrentETag_Replaces()
    {
        var ledger = Instance<IAlertLedger>();
        var created = (await ledger.TryCreateAsync(Entry("k1"), Ct))!;
        var sending = created.Value with { State = AlertLedgerState.Sending, Attempts = 1, LastAttemptAt = T0.AddMinutes(1) };

        var updated = await ledger.UpdateAsync(sending, created.ETag, Ct);

        Assert.NotEqual(created.ETag, updated.ETag);
        Assert.Equal(sending, (await ledger.GetAsync("k1", Ct))!.Value);
    }

    [Fact]
    public async Task UpdateAsync_TwoInstancesWithSameETag_SecondThrowsConflict()
    {
        var first = Instance<IAlertLedger>();
        var second = Instance<IAlertLedger>();
        var created = (await first.TryCreateAsync(Entry("race"), Ct))!;
        await first.UpdateAsync(created.Value with { State = AlertLedgerState.Sending }, created.ETag, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.UpdateAsync(created.Value with { State = AlertLedgerState.Sending, Attempts = 5 }, created.ETag, Ct));
        Assert.Equal(0, (await second.GetAsync("race", Ct))!.Value.Attempts);
    }

    [Fact]
    public async Task UpdateAsync_Missing_ThrowsConflict()
    {
        var ledger = Instance<IAlertLedger>();
        var created = (await ledger.TryCreateAsync(Entry("exists"), Ct))!;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => ledger.UpdateAsync(Entry("missing"), created.ETag, Ct));
    }

    [Fact]
    public async Task ListOpenAsync_MixedStates_ReturnsPendingAndSendingOnly()
    {
        var ledger = Instance<IAlertLedger>();
        await ledger.TryCreateAsync(Entry("pending"), Ct);
        await ledger.TryCreateAsync(Entry("sent") with { State = AlertLedgerState.Sent, SentAt = T0 }, Ct);
        await ledger.TryCreateAsync(Entry("unknown") with { State = AlertLedgerState.Unknown }, Ct);
        var sending = (await ledger.TryCreateAsync(Entry("sending"), Ct))!;
        await ledger.UpdateAsync(sending.Value with { State = AlertLedgerState.Sending }, sending.ETag, Ct);
        var failed = (await ledger.TryCreateAsync(Entry("failed"), Ct))!;
        await ledger.UpdateAsync(failed.Value with { State = AlertLedgerState.Failed, LastError = "channel_not_found" }, failed.ETag, Ct);

        var open = await ToListAsync(Instance<IAlertLedger>().ListOpenAsync(Ct));

        Assert.Equal(["pending", "sending"], open.Select(e => e.Value.Alert.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListOpenAsync_OpenedAgainAfterClosing_IsListedWithUsableETag()
    {
        var ledger = Instance<IAlertLedger>();
        var created = (await ledger.TryCreateAsync(Entry("k"), Ct))!;
        var unknown = await ledger.UpdateAsync(created.Value with { State = AlertLedgerState.Unknown }, created.ETag, Ct);
        Assert.Empty(await ToListAsync(ledger.ListOpenAsync(Ct)));
        await ledger.UpdateAsync(unknown.Value with { State = AlertLedgerState.Pending }, unknown.ETag, Ct);

        var open = Assert.Single(await ToListAsync(ledger.ListOpenAsync(Ct)));
        var sent = await ledger.UpdateAsync(open.Value with { State = AlertLedgerState.Sent, SentAt = T0 }, open.ETag, Ct);

        Assert.Equal(AlertLedgerState.Sent, sent.Value.State);
        Assert.Empty(await ToListAsync(ledger.ListOpenAsync(Ct)));
    }

    [Theory]
    [InlineData("001/A:2026-11-20T15:00:00Z:Breached")]
    [InlineData("a#b?c\\d")]
    [InlineData("Ünïcødé ✓ 東京")]
    public async Task TryCreateAsync_AwkwardKey_RoundTripsAndIsListed(string key)
    {
        var ledger = Instance<IAlertLedger>();

        await ledger.TryCreateAsync(Entry(key), Ct);

        Assert.Equal(key, (await ledger.GetAsync(key, Ct))!.Value.Alert.Key);
        Assert.Equal(key, Assert.Single(await ToListAsync(ledger.ListOpenAsync(Ct))).Value.Alert.Key);
    }

    private static AlertLedgerEntry Entry(string key) => new()
    {
        Alert = new Alert
        {
            Key = key,
            Level = AlertLevel.Breached,
            AccountId = "001A000001abcDE",
            AccountName = "Acme & Sons <Ltd>",
            AccountUrl = new Uri("https://acme.my.salesforce.com/lightning/r/Account/001A000001abcDE/view"),
            Tier = Tier.Tier1,
            Score = 87,
            Reasons = "Pricing page ×3 in 7d; 3 engaged contacts",
            HandoffRule = "tier1-meeting",
            HandoffAt = T0,
            SlaDue = T0.AddHours(2),
            Owner = new Owner("005A", "ae@example.com", "America/New_York", "005M"),
        },
        State = AlertLedgerState.Pending,
        CreatedAt = T0,
    };

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
