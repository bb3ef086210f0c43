using Alignment.Sync.Inbox;
using Alignment.Sync.State;
using Alignment.TestKit.Azurite;

namespace Alignment.Storage.Tests.Inbox;

public sealed class TableWebhookInboxStoreTests(AzuriteFixture azurite) : StoreTestBase(azurite, "inbox")
{
    [Fact]
    public async Task AddAsync_NewItems_ReturnsCountAndStoresThem()
    {
        var inbox = Instance<IWebhookInbox>();

        var added = await inbox.AddAsync([Item("hubspot:1", T0), Item("hubspot:2", T0)], Ct);
        var read = await Instance<IWebhookInbox>().GetAsync("hubspot:1", Ct);

        Assert.Equal(2, added);
        Assert.NotNull(read);
        Assert.Equal(Item("hubspot:1", T0).AccountIds, read.Value.AccountIds);
        Assert.Equal(InboxState.Pending, read.Value.State);
        Assert.Equal(T0, read.Value.ReceivedAt);
    }

    [Fact]
    public async Task AddAsync_DuplicateEventIds_SkipsThem()
    {
        var inbox = Instance<IWebhookInbox>();
        await inbox.AddAsync([Item("hubspot:1", T0)], Ct);

        var added = await Instance<IWebhookInbox>().AddAsync([Item("hubspot:1", T0.AddMinutes(1)), Item("hubspot:2", T0), Item("hubspot:2", T0)], Ct);

        Assert.Equal(1, added);
        Assert.Equal(T0, (await inbox.GetAsync("hubspot:1", Ct))!.Value.ReceivedAt);
    }

    [Fact]
    public async Task AddAsync_MoreThanOneTransaction_StoresAll()
    {
        var inbox = Instance<IWebhookInbox>();

        var added = await inbox.AddAsync(Enumerable.Range(0, 120).Select(i => Item($"hubspot:{i}", T0.AddSeconds(i))).ToList(), Ct);

        Assert.Equal(120, added);
        Assert.Equal(120, (await ToListAsync(inbox.ListDueAsync(T0.AddHours(1), 500, Ct))).Count);
    }

    [Fact]
    public async Task ListDueAsync_Pending_OldestFirstUpToMaxAndNotFuture()
    {
        var inbox = Instance<IWebhookInbox>();
        await inbox.AddAsync([Item("c", T0.AddMinutes(2)), Item("a", T0), Item("future", T0.AddMinutes(10)), Item("b", T0.AddMinutes(1))], Ct);

        var due = await ToListAsync(inbox.ListDueAsync(T0.AddMinutes(5), 10, Ct));
        var firstTwo = await ToListAsync(inbox.ListDueAsync(T0.AddMinutes(5), 2, Ct));

        Assert.Equal(["a", "b", "c"], due.Select(d => d.Value.EventId));
        Assert.Equal(["a", "b"], firstTwo.Select(d => d.Value.EventId));
    }

    [Fact]
    public async Task ListDueAsync_DueExactlyNow_IsIncluded()
    {
        var inbox = Instance<IWebhookInbox>();
        await inbox.AddAsync([Item("a", T0)], Ct);

        Assert.Single(await ToListAsync(inbox.ListDueAsync(T0, 10, Ct)));
        Assert.Empty(await ToListAsync(inbox.ListDueAsync(T0.AddTicks(-1), 10, Ct)));
    }

    [Fact]
    public async Task UpdateAsync_BackOff_HidesItemUntilNextAttempt()
    {
        var inbox = Instance<IWebhookInbox>();
        await inbox.AddAsync([Item("a", T0), Item("b", T0.AddSeconds(1))], Ct);
        var a = (await inbox.GetAsync("a", Ct))!;

        await inbox.UpdateAsync(a.Value with { Attempts = 1, NextAttemptAt = T0.AddMinutes(5), LastError = "CrmException 503" }, a.ETag, Ct);

        Assert.Equal(["b"], (await ToListAsync(inbox.ListDueAsync(T0.AddMinutes(1), 10, Ct))).Select(d => d.Value.EventId));
        var later = await ToListAsync(inbox.ListDueAsync(T0.AddMinutes(5), 10, Ct));
        Assert.Equal(["b", "a"], later.Select(d => d.Value.EventId));
        Assert.Equal(1, later[1].Value.Attempts);
    }

    [Fact]
    public async Task UpdateAsync_DoneOrParked_NoLongerDue()
    {
        var inbox = Instance<IWebhookInbox>();
        await inbox.AddAsync([Item("done", T0), Item("parked", T0), Item("open", T0)], Ct);
        var done = (await inbox.GetAsync("done", Ct))!;
        var parked = (await inbox.GetAsync("parked", Ct))!;

        await inbox.UpdateAsync(done.Value with { State = InboxState.Done, ProcessedAt = T0.AddSeconds(3) }, done.ETag, Ct);
        await inbox.UpdateAsync(parked.Value with { State = InboxState.Parked, Attempts = 8, LastError = "x" }, parked.ETag, Ct);

        Assert.Equal(["open"], (await ToListAsync(inbox.ListDueAsync(T0.AddDays(1), 10, Ct))).Select(d => d.Value.EventId));
        Assert.Equal(InboxState.Done, (await inbox.GetAsync("done", Ct))!.Value.State);
    }

    [Fact]
    public async Task UpdateAsync_TwoInstancesWithSameETag_SecondThrowsConflict()
    {
        var first = Instance<IWebhookInbox>();
        var second = Instance<IWebhookInbox>();
        await first.AddAsync([Item("a", T0)], Ct);
        var seenByBoth = Assert.Single(await ToListAsync(second.ListDueAsync(T0, 10, Ct)));

        await first.UpdateAsync(seenByBoth.Value with { State = InboxState.Done }, seenByBoth.ETag, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.UpdateAsync(seenByBoth.Value with { State = InboxState.Done }, seenByBoth.ETag, Ct));
    }

    [Fact]
    public async Task UpdateManyAsync_SeventyClaims_AllStoredAcrossTransactionsWithNewETags()
    {
        var inbox = Instance<IWebhookInbox>();
        await inbox.AddAsync(Enumerable.Range(0, 70).Select(i => Item($"e{i:D2}", T0.AddSeconds(i))).ToList(), Ct);
        var due = await ToListAsync(inbox.ListDueAsync(T0.AddHours(1), 100, Ct));

        var claimed = await inbox.UpdateManyAsync(
            [.. due.Select(d => new InboxItemUpdate(d, d.Value with { Attempts = 1, NextAttemptAt = T0.AddHours(2) }))], Ct);
        var done = await inbox.UpdateManyAsync(
            [.. claimed.Take(10).Select(c => new InboxItemUpdate(c!, c!.Value with { State = InboxState.Done, ProcessedAt = T0.AddHours(1) }))], Ct);

        Assert.Equal(70, claimed.Count(c => c is not null));
        Assert.Empty(await ToListAsync(inbox.ListDueAsync(T0.AddHours(1), 100, Ct)));
        Assert.Equal(60, (await ToListAsync(inbox.ListDueAsync(T0.AddHours(2), 100, Ct))).Count);
        Assert.All(done, d => Assert.Equal(InboxState.Done, d!.Value.State));
        Assert.Equal(done[0]!.ETag, (await inbox.GetAsync("e00", Ct))!.ETag);
    }

    [Fact]
    public async Task UpdateManyAsync_OneItemTakenMeanwhile_OthersStoredThatOneNull()
    {
        var first = Instance<IWebhookInbox>();
        var second = Instance<IWebhookInbox>();
        await first.AddAsync([Item("a", T0), Item("b", T0.AddSeconds(1)), Item("c", T0.AddSeconds(2))], Ct);
        var due = await ToListAsync(first.ListDueAsync(T0.AddMinutes(1), 10, Ct));
        await second.UpdateAsync(due[1].Value with { Attempts = 1, NextAttemptAt = T0.AddMinutes(5) }, due[1].ETag, Ct);

        var results = await first.UpdateManyAsync([.. due.Select(d => new InboxItemUpdate(d, d.Value with { State = InboxState.Done }))], Ct);

        Assert.NotNull(results[0]);
        Assert.Null(results[1]);
        Assert.NotNull(results[2]);
        Assert.Equal((InboxState.Pending, 1), ((await first.GetAsync("b", Ct))!.Value.State, (await first.GetAsync("b", Ct))!.Value.Attempts));
        Assert.Equal(["b"], (await ToListAsync(first.ListDueAsync(T0.AddMinutes(5), 10, Ct))).Select(d => d.Value.EventId));
    }

    [Fact]
    public async Task UpdateManyAsync_TwoInstancesClaimSameListedItems_OnlyFirstWins()
    {
        var first = Instance<IWebhookInbox>();
        var second = Instance<IWebhookInbox>();
        await first.AddAsync([Item("a", T0), Item("b", T0.AddSeconds(1))], Ct);
        var seenByFirst = await ToListAsync(first.ListDueAsync(T0.AddMinutes(1), 10, Ct));
        var seenBySecond = await ToListAsync(second.ListDueAsync(T0.AddMinutes(1), 10, Ct));

        var won = await first.UpdateManyAsync([.. seenByFirst.Select(d => new InboxItemUpdate(d, d.Value with { Attempts = 1, NextAttemptAt = T0.AddMinutes(6) }))], Ct);
        var lost = await second.UpdateManyAsync([.. seenBySecond.Select(d => new InboxItemUpdate(d, d.Value with { Attempts = 1, NextAttemptAt = T0.AddMinutes(7) }))], Ct);
        var finished = await first.UpdateManyAsync([.. won.Select(c => new InboxItemUpdate(c!, c!.Value with { State = InboxState.Done }))], Ct);

        Assert.All(won, Assert.NotNull);
        Assert.All(lost, Assert.Null);
        Assert.All(finished, Assert.NotNull);
        Assert.Equal(T0.AddMinutes(6), (await first.GetAsync("a", Ct))!.Value.NextAttemptAt);
        Assert.Empty(await ToListAsync(first.ListDueAsync(T0.AddHours(1), 10, Ct)));
    }

    [Fact]
    public async Task GetAsync_Missing_ReturnsNull() =>
        Assert.Null(await Instance<IWebhookInbox>().GetAsync("hubspot:none", Ct));

    [Theory]
    [InlineData("salesforce:04l/000#1?x")]
    [InlineData("hubspot:\\ünï✓")]
    public async Task AddAsync_AwkwardEventId_RoundTripsAndIsDue(string eventId)
    {
        var inbox = Instance<IWebhookInbox>();

        await inbox.AddAsync([Item(eventId, T0)], Ct);

        Assert.Equal(eventId, (await inbox.GetAsync(eventId, Ct))!.Value.EventId);
        Assert.Equal(eventId, Assert.Single(await ToListAsync(inbox.ListDueAsync(T0, 10, Ct))).Value.EventId);
    }

    private static InboxItem Item(string eventId, DateTimeOffset receivedAt) => new()
    {
        EventId = eventId,
        Source = "hubspot",
        AccountIds = ["001A", "001/B"],
        ReceivedAt = receivedAt,
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
