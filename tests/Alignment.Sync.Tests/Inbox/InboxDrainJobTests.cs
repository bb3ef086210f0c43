using System.Runtime.CompilerServices;
using Alignment.Core.Tiers;
using Alignment.Sync.Inbox;
using Alignment.Sync.State;
using Alignment.TestKit.Fakes;

namespace Alignment.Sync.Tests.Inbox;

public sealed class InboxDrainJobTests
{
    private readonly SyncHarness h = new();

    [Fact]
    public async Task RunAsync_DueItem_RescoresAccountsAndMarksDone()
    {
        h.Add(h.Hot("001HOT"));
        h.Add(SyncHarness.Warm("001WARM"));
        await AddItemAsync("e1", "001HOT", "001WARM");

        var result = await h.DrainAsync();

        Assert.Equal((1, 0, 0, 2), (result.Done, result.Retrying, result.Parked, result.AccountsWritten));
        Assert.Equal(Tier.Tier1, h.Crm.Get("001HOT").Current.Tier);
        Assert.Equal(40, h.Crm.Get("001WARM").Current.Score);
        var item = Assert.Single(h.Inbox.All);
        Assert.Equal((InboxState.Done, h.Now), (item.State, item.ProcessedAt));
    }

    [Fact]
    public async Task RunAsync_DoneItem_NeverProcessedAgain()
    {
        h.Add(SyncHarness.Warm("001A"));
        await AddItemAsync("e1", "001A");
        await h.DrainAsync();
        var calls = h.Crm.Calls;

        h.Time.Advance(TimeSpan.FromHours(1));
        var again = await h.DrainAsync();

        Assert.Equal(0, again.Done);
        Assert.Equal(calls, h.Crm.Calls);
    }

    [Fact]
    public async Task RunAsync_UnknownAccount_DoneWithoutWrites()
    {
        await AddItemAsync("e1", "001GONE");

        var result = await h.DrainAsync();

        Assert.Equal(1, result.Done);
        Assert.Equal(0, h.Crm.WriteCalls);
    }

    [Fact]
    public async Task RunAsync_CrmDown_BacksOffExponentiallyThenSucceeds()
    {
        h.Add(SyncHarness.Warm("001A"));
        await AddItemAsync("e1", "001A");
        h.Crm.FailCalls(1, 2, 503);

        var first = await h.DrainAsync();
        var item = Assert.Single(h.Inbox.All);
        Assert.Equal(1, first.Retrying);
        Assert.Equal((InboxState.Pending, 1, h.Now + h.Options.BackoffBase), (item.State, item.Attempts, item.NextAttemptAt));
        Assert.Equal("SERVER_UNAVAILABLE", item.LastError);

        Assert.Equal(0, (await h.DrainAsync()).Retrying + (await h.DrainAsync()).Done); // not due yet

        h.Time.Advance(h.Options.BackoffBase);
        await h.DrainAsync();
        Assert.Equal(h.Now + (2 * h.Options.BackoffBase), Assert.Single(h.Inbox.All).NextAttemptAt);

        h.Time.Advance(2 * h.Options.BackoffBase);
        var last = await h.DrainAsync();

        Assert.Equal(1, last.Done);
        Assert.Equal(40, h.Crm.Get("001A").Current.Score);
    }

    [Fact]
    public async Task RunAsync_FailsRepeatedly_ParkedWithError()
    {
        h.Options.MaxInboxAttempts = 3;
        h.Add(SyncHarness.Warm("001A"));
        await AddItemAsync("e1", "001A");
        h.Crm.FailCalls(1, 10, 503);

        for (var i = 0; i < 3; i++)
        {
            await h.DrainAsync();
            h.Time.Advance(h.Options.MaxBackoff);
        }

        var item = Assert.Single(h.Inbox.All);
        Assert.Equal((InboxState.Parked, 3, "SERVER_UNAVAILABLE"), (item.State, item.Attempts, item.LastError));
        Assert.Equal(0, (await h.DrainAsync()).Done);
    }

    [Fact]
    public async Task RunAsync_TransientRecordFailure_RetriedNotDone()
    {
        h.Add(SyncHarness.Warm("001A"));
        await AddItemAsync("e1", "001A");
        h.Crm.FailWrites("001A", transient: true);

        await h.DrainAsync();
        Assert.Equal(InboxState.Pending, Assert.Single(h.Inbox.All).State);

        h.Time.Advance(h.Options.BackoffBase);
        await h.DrainAsync();

        Assert.Equal(InboxState.Done, Assert.Single(h.Inbox.All).State);
        Assert.Equal(40, h.Crm.Get("001A").Current.Score);
    }

    [Fact]
    public async Task RunAsync_PermanentRecordFailure_DoneNotRetried()
    {
        h.Add(SyncHarness.Warm("001A"));
        await AddItemAsync("e1", "001A");
        h.Crm.FailWrites("001A", transient: false);

        await h.DrainAsync();

        Assert.Equal(InboxState.Done, Assert.Single(h.Inbox.All).State);
    }

    [Fact]
    public async Task RunAsync_CrashAfterCrmWriteBeforeDone_ReprocessedAfterLeaseWithoutWriting()
    {
        h.Add(h.Hot("001HOT"));
        await AddItemAsync("e1", "001HOT");
        h.Crm.CrashAfterWriteCall(1);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.DrainAsync());
        h.Crm.AfterWrite = null;
        var writes = h.Crm.Writes.Count;
        Assert.Equal(0, (await h.DrainAsync()).Done); // hidden by the lease

        h.Time.Advance(h.Options.InboxLease);
        var result = await h.DrainAsync();

        Assert.Equal((1, 0), (result.Done, result.AccountsWritten));
        Assert.Equal(writes, h.Crm.Writes.Count);
        Assert.Equal(InboxState.Done, Assert.Single(h.Inbox.All).State);
    }

    [Fact]
    public async Task RunAsync_ItemTakenByAnotherInstance_Skipped()
    {
        h.Add(SyncHarness.Warm("001A"));
        await AddItemAsync("e1", "001A");
        var racing = new RacingInbox(h.Inbox);
        var job = new InboxDrainJob(racing, h.Crm, h.TierHistory, new Sync.Scoring.AccountPlanner(h.Rules),
            Microsoft.Extensions.Options.Options.Create(h.Options), h.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<InboxDrainJob>.Instance);

        var result = await job.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal((1, 0), (result.Skipped, result.Done));
        Assert.Equal(0, h.Crm.Calls);
    }

    [Fact]
    public async Task RunAsync_OldestFirstBoundedBatch()
    {
        h.Options.InboxBatchSize = 2;
        h.Add(SyncHarness.Warm("001A"));
        await AddItemAsync("e1", "001A");
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await AddItemAsync("e2", "001A");
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await AddItemAsync("e3", "001A");

        var result = await h.DrainAsync();

        Assert.Equal(2, result.Done);
        Assert.Equal(InboxState.Pending, (await h.Inbox.GetAsync("test:e3", TestContext.Current.CancellationToken))!.Value.State);
    }

    [Fact]
    public async Task IntakeThenDrain_EndToEnd_ProcessesEachDeliveryOnce()
    {
        h.Add(SyncHarness.Warm("001A"));
        h.Add(SyncHarness.Warm("001B"));
        var intake = h.IntakeJob();
        foreach (var body in new[] { "e1:001A", "e2:001B", "e1:001A" })
        {
            var request = new WebhookIntakeRequest("test", new WebhookRequest("POST", new Uri("https://example.test/api/webhooks/test"),
                new Dictionary<string, string> { ["X-Test-Signature"] = TestWebhookParser.Secret }, System.Text.Encoding.UTF8.GetBytes(body)));
            Assert.Equal(200, (await intake.RunAsync(request, TestContext.Current.CancellationToken)).StatusCode);
        }

        var result = await h.DrainAsync();

        Assert.Equal(2, result.Done);
        Assert.Equal(2, h.Crm.Writes.Count);
    }

    private Task AddItemAsync(string eventId, params string[] accountIds) =>
        h.Inbox.AddAsync([new InboxItem { EventId = "test:" + eventId, Source = "test", AccountIds = accountIds, ReceivedAt = h.Now }], TestContext.Current.CancellationToken);

    /// <summary>An inbox where another instance claims every item between listing and claiming.</summary>
    private sealed class RacingInbox(InMemoryWebhookInbox inner) : IWebhookInbox
    {
        public Task<int> AddAsync(IReadOnlyCollection<InboxItem> items, CancellationToken cancellationToken) => inner.AddAsync(items, cancellationToken);

        public async IAsyncEnumerable<Versioned<InboxItem>> ListDueAsync(DateTimeOffset now, int max, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var item in inner.ListDueAsync(now, max, cancellationToken))
            {
                await inner.UpdateAsync(item.Value with { Attempts = item.Value.Attempts + 1 }, item.ETag, cancellationToken);
                yield return item;
            }
        }

        public Task<Versioned<InboxItem>> UpdateAsync(InboxItem item, string etag, CancellationToken cancellationToken) => inner.UpdateAsync(item, etag, cancellationToken);

        public Task<Versioned<InboxItem>?> GetAsync(string eventId, CancellationToken cancellationToken) => inner.GetAsync(eventId, cancellationToken);
    }
}
