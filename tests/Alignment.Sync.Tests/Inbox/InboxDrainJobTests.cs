using System.Runtime.CompilerServices;
using Alignment.Core.Tiers;
using Alignment.Sync.Crm;
using Alignment.Sync.Inbox;
using Alignment.Sync.State;
using Alignment.TestKit.Fakes;

namespace Alignment.Sync.Tests.Inbox;

public sealed class InboxDrainJobTests
{
    private readonly SyncHarness _h = new();

    [Fact]
    public async Task RunAsync_DueItem_RescoresAccountsAndMarksDone()
    {
        _h.Add(_h.Hot("001HOT"));
        _h.Add(SyncHarness.Warm("001WARM"));
        await AddItemAsync("e1", "001HOT", "001WARM");

        var result = await _h.DrainAsync();

        Assert.Equal((1, 0, 0, 2), (result.Done, result.Retrying, result.Parked, result.AccountsWritten));
        Assert.Equal(Tier.Tier1, _h.Crm.Get("001HOT").Current.Tier);
        Assert.Equal(40, _h.Crm.Get("001WARM").Current.Score);
        var item = Assert.Single(_h.Inbox.All);
        Assert.Equal((InboxState.Done, _h.Now), (item.State, item.ProcessedAt));
    }

    [Fact]
    public async Task RunAsync_DoneItem_NeverProcessedAgain()
    {
        _h.Add(SyncHarness.Warm("001A"));
        await AddItemAsync("e1", "001A");
        await _h.DrainAsync();
        var calls = _h.Crm.Calls;

        _h.Time.Advance(TimeSpan.FromHours(1));
        var again = await _h.DrainAsync();

        Assert.Equal(0, again.Done);
        Assert.Equal(calls, _h.Crm.Calls);
    }

    [Fact]
    public async Task RunAsync_UnknownAccount_DoneWithoutWrites()
    {
        await AddItemAsync("e1", "001GONE");

        var result = await _h.DrainAsync();

        Assert.Equal(1, result.Done);
        Assert.Equal(0, _h.Crm.WriteCalls);
    }

    [Fact]
    public async Task RunAsync_CrmDown_BacksOffExponentiallyThenSucceeds()
    {
        _h.Add(SyncHarness.Warm("001A"));
        await AddItemAsync("e1", "001A");
        _h.Crm.FailCalls(1, 2, 503);

        var first = await _h.DrainAsync();
        var item = Assert.Single(_h.Inbox.All);
        Assert.Equal(1, first.Retrying);
        Assert.Equal((InboxState.Pending, 1, _h.Now + _h.Options.BackoffBase), (item.State, item.Attempts, item.NextAttemptAt));
        Assert.Equal("SERVER_UNAVAILABLE", item.LastError);

        Assert.Equal(0, (await _h.DrainAsync()).Retrying + (await _h.DrainAsync()).Done); // not due yet

        _h.Time.Advance(_h.Options.BackoffBase);
        await _h.DrainAsync();
        Assert.Equal(_h.Now + (2 * _h.Options.BackoffBase), Assert.Single(_h.Inbox.All).NextAttemptAt);

        _h.Time.Advance(2 * _h.Options.BackoffBase);
        var last = await _h.DrainAsync();

        Assert.Equal(1, last.Done);
        Assert.Equal(40, _h.Crm.Get("001A").Current.Score);
    }

    [Fact]
    public async Task RunAsync_FailsRepeatedly_ParkedWithError()
    {
        _h.Options.MaxInboxAttempts = 3;
        _h.Add(SyncHarness.Warm("001A"));
        await AddItemAsync("e1", "001A");
        _h.Crm.FailCalls(1, 10, 503);

        for (var i = 0; i < 3; i++)
        {
            await _h.DrainAsync();
            _h.Time.Advance(_h.Options.MaxBackoff);
        }

        var item = Assert.Single(_h.Inbox.All);
        Assert.Equal((InboxState.Parked, 3, "SERVER_UNAVAILABLE"), (item.State, item.Attempts, item.LastError));
        Assert.Equal(0, (await _h.DrainAsync()).Done);
    }

    [Fact]
    public async Task RunAsync_TransientRecordFailure_RetriedNotDone()
    {
        _h.Add(SyncHarness.Warm("001A"));
        await AddItemAsync("e1", "001A");
        _h.Crm.FailWrites("001A", transient: true);

        await _h.DrainAsync();
        Assert.Equal(InboxState.Pending, Assert.Single(_h.Inbox.All).State);

        _h.Time.Advance(_h.Options.BackoffBase);
        await _h.DrainAsync();

        Assert.Equal(InboxState.Done, Assert.Single(_h.Inbox.All).State);
        Assert.Equal(40, _h.Crm.Get("001A").Current.Score);
    }

    [Fact]
    public async Task RunAsync_PermanentRecordFailure_RetriedThenParkedWithCrmError()
    {
        _h.Options.MaxInboxAttempts = 2;
        _h.Add(SyncHarness.Warm("001A"));
        await AddItemAsync("e1", "001A");
        _h.Crm.FailWrites("001A", transient: false, times: 5);

        var first = await _h.DrainAsync();
        var waiting = Assert.Single(_h.Inbox.All);
        _h.Time.Advance(_h.Options.MaxBackoff);
        var second = await _h.DrainAsync();

        Assert.Equal((0, 1), (first.Done, first.Retrying));
        Assert.Equal((InboxState.Pending, "FIELD_CUSTOM_VALIDATION_EXCEPTION"), (waiting.State, waiting.LastError));
        Assert.Equal(1, second.Parked);
        Assert.Equal((InboxState.Parked, 2, "FIELD_CUSTOM_VALIDATION_EXCEPTION"), (Assert.Single(_h.Inbox.All).State, Assert.Single(_h.Inbox.All).Attempts, Assert.Single(_h.Inbox.All).LastError));
    }

    [Fact]
    public async Task RunAsync_HundredEventsForThreeAccounts_ThreeRescoresOneBatchWrite()
    {
        _h.Add(_h.Hot("001A"));
        _h.Add(SyncHarness.Warm("001B"));
        _h.Add(SyncHarness.Warm("001C"));
        string[] ids = ["001A", "001B", "001C"];
        await _h.Inbox.AddAsync([.. Enumerable.Range(0, 100).Select(i => Item($"e{i:D3}", ids[i % 3]))], TestContext.Current.CancellationToken);

        var result = await _h.DrainAsync();

        Assert.Equal((100, 0, 0), (result.Done, result.Retrying, result.Parked));
        Assert.Equal((1, 3, 3), (result.Passes, result.AccountsRead, result.AccountsWritten));
        Assert.Equal(1, _h.Crm.WriteCalls);
        Assert.Equal(2, _h.Crm.Calls); // one batched read, one batched write
        Assert.Equal(3, _h.Crm.Writes.Count);
        Assert.All(_h.Inbox.All, i => Assert.Equal((InboxState.Done, 1), (i.State, i.Attempts)));
    }

    [Fact]
    public async Task RunAsync_OneAccountRefusedInBatch_OthersDoneThatItemRetriesThenParks()
    {
        _h.Options.MaxInboxAttempts = 3;
        _h.Add(SyncHarness.Warm("001A"));
        _h.Add(SyncHarness.Warm("001B"));
        _h.Add(SyncHarness.Warm("001C"));
        await AddItemAsync("ea", "001A");
        await AddItemAsync("eb", "001B");
        await AddItemAsync("ec", "001C");
        await AddItemAsync("eab", "001A", "001B");
        _h.Crm.FailWrites("001B", transient: false, times: 10, errorCode: "FIELD_CUSTOM_VALIDATION_EXCEPTION");

        var first = await _h.DrainAsync();
        var firstWriteCalls = _h.Crm.WriteCalls;
        var afterFirst = _h.Inbox.All.ToDictionary(i => i.EventId);
        var results = new List<InboxDrainResult>();
        for (var i = 0; i < 3; i++)
        {
            _h.Time.Advance(_h.Options.MaxBackoff);
            results.Add(await _h.DrainAsync());
        }

        Assert.Equal((2, 2, 1), (first.Done, first.Retrying, firstWriteCalls));
        Assert.Equal(InboxState.Done, afterFirst["test:ea"].State);
        Assert.Equal(InboxState.Done, afterFirst["test:ec"].State);
        Assert.Equal((InboxState.Pending, "FIELD_CUSTOM_VALIDATION_EXCEPTION"), (afterFirst["test:eb"].State, afterFirst["test:eb"].LastError));
        Assert.Equal(InboxState.Pending, afterFirst["test:eab"].State);
        Assert.Equal(40, _h.Crm.Get("001A").Current.Score);
        Assert.Equal(40, _h.Crm.Get("001C").Current.Score);
        Assert.Null(_h.Crm.Get("001B").Current.Score);
        var parked = _h.Inbox.All.Where(i => i.State == InboxState.Parked).ToList();
        Assert.Equal(["test:eab", "test:eb"], parked.Select(i => i.EventId).Order());
        Assert.All(parked, i => Assert.Equal((3, "FIELD_CUSTOM_VALIDATION_EXCEPTION"), (i.Attempts, i.LastError)));
        Assert.Equal(2, results.Sum(r => r.Parked));
    }

    [Fact]
    public async Task RunAsync_TimeLimitReached_StopsBetweenPassesRestWaits()
    {
        _h.Options.InboxBatchSize = 1;
        _h.Options.InboxDrainTimeLimit = TimeSpan.FromMinutes(3);
        for (var i = 0; i < 6; i++)
        {
            _h.Add(SyncHarness.Warm($"001A{i}"));
            await AddItemAsync($"e{i}", $"001A{i}");
        }

        _h.Crm.AfterWrite = _ => _h.Time.Advance(TimeSpan.FromMinutes(1));

        var result = await _h.DrainAsync();

        Assert.Equal((3, 3), (result.Done, result.Passes));
        Assert.Equal(3, _h.Inbox.All.Count(i => i.State == InboxState.Pending && i.Attempts == 0));
    }

    [Fact]
    public async Task RunAsync_LeaseRanShortBeforeWrite_WritesNothingAndReleasesItems()
    {
        _h.Add(SyncHarness.Warm("001A"));
        await AddItemAsync("e1", "001A");
        var stalling = new StallingCrm(_h.Crm, () => _h.Time.Advance(_h.Options.InboxLease));
        var job = new InboxDrainJob(_h.Inbox, stalling, _h.TierHistory, new Sync.Scoring.AccountPlanner(_h.Rules),
            Microsoft.Extensions.Options.Options.Create(_h.Options), _h.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<InboxDrainJob>.Instance);

        var result = await job.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal((0, 1, 0), (result.Done, result.Retrying, result.AccountsWritten));
        Assert.Equal(0, _h.Crm.WriteCalls);
        var item = Assert.Single(_h.Inbox.All);
        Assert.Equal((InboxState.Pending, 0, "LEASE_EXPIRED"), (item.State, item.Attempts, item.LastError));
    }

    [Fact]
    public async Task RunAsync_CrmHoldsLaterEvaluation_NotWrittenOver()
    {
        var later = _h.Now.AddMinutes(10);
        _h.Add(SyncHarness.Warm("001A").WithCurrent(c => c with { Score = 99, ScoredAt = later }));
        await AddItemAsync("e1", "001A");

        var result = await _h.DrainAsync();

        Assert.Equal((1, 0), (result.Done, result.AccountsWritten));
        Assert.Equal(0, _h.Crm.WriteCalls);
        Assert.Equal((99, later), (_h.Crm.Get("001A").Current.Score, _h.Crm.Get("001A").Current.ScoredAt));
    }

    [Fact]
    public async Task RunAsync_CrashAfterCrmWriteBeforeDone_ReprocessedAfterLeaseWithoutWriting()
    {
        _h.Add(_h.Hot("001HOT"));
        await AddItemAsync("e1", "001HOT");
        _h.Crm.CrashAfterWriteCall(1);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => _h.DrainAsync());
        _h.Crm.AfterWrite = null;
        var writes = _h.Crm.Writes.Count;
        Assert.Equal(0, (await _h.DrainAsync()).Done); // hidden by the lease

        _h.Time.Advance(_h.Options.InboxLease);
        var result = await _h.DrainAsync();

        Assert.Equal((1, 0), (result.Done, result.AccountsWritten));
        Assert.Equal(writes, _h.Crm.Writes.Count);
        Assert.Equal(InboxState.Done, Assert.Single(_h.Inbox.All).State);
    }

    [Fact]
    public async Task RunAsync_ItemTakenByAnotherInstance_Skipped()
    {
        _h.Add(SyncHarness.Warm("001A"));
        await AddItemAsync("e1", "001A");
        var racing = new RacingInbox(_h.Inbox);
        var job = new InboxDrainJob(racing, _h.Crm, _h.TierHistory, new Sync.Scoring.AccountPlanner(_h.Rules),
            Microsoft.Extensions.Options.Options.Create(_h.Options), _h.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<InboxDrainJob>.Instance);

        var result = await job.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal((1, 0), (result.Skipped, result.Done));
        Assert.Equal(0, _h.Crm.Calls);
    }

    [Fact]
    public async Task RunAsync_BacklogLargerThanBatch_DrainedInPassesOldestFirst()
    {
        _h.Options.InboxBatchSize = 2;
        _h.Add(SyncHarness.Warm("001A"));
        _h.Add(SyncHarness.Warm("001B"));
        await AddItemAsync("e1", "001A");
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        await AddItemAsync("e2", "001A");
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        await AddItemAsync("e3", "001B");
        var reads = new List<IReadOnlyCollection<string>>();
        var recording = new StallingCrm(_h.Crm, () => { }, reads);
        var job = new InboxDrainJob(_h.Inbox, recording, _h.TierHistory, new Sync.Scoring.AccountPlanner(_h.Rules),
            Microsoft.Extensions.Options.Options.Create(_h.Options), _h.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<InboxDrainJob>.Instance);

        var result = await job.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal((3, 2), (result.Done, result.Passes));
        Assert.Equal([["001A"], ["001B"]], reads.Select(r => r.ToArray()));
    }

    [Fact]
    public async Task IntakeThenDrain_EndToEnd_ProcessesEachDeliveryOnce()
    {
        _h.Add(SyncHarness.Warm("001A"));
        _h.Add(SyncHarness.Warm("001B"));
        var intake = _h.IntakeJob();
        foreach (var body in new[] { "e1:001A", "e2:001B", "e1:001A" })
        {
            var request = new WebhookIntakeRequest("test", new WebhookRequest("POST", new Uri("https://example.test/api/webhooks/test"),
                new Dictionary<string, string> { ["X-Test-Signature"] = TestWebhookParser.Secret }, System.Text.Encoding.UTF8.GetBytes(body)));
            Assert.Equal(200, (await intake.RunAsync(request, TestContext.Current.CancellationToken)).StatusCode);
        }

        var result = await _h.DrainAsync();

        Assert.Equal(2, result.Done);
        Assert.Equal(2, _h.Crm.Writes.Count);
    }

    private Task AddItemAsync(string eventId, params string[] accountIds) =>
        _h.Inbox.AddAsync([Item(eventId, accountIds)], TestContext.Current.CancellationToken);

    private InboxItem Item(string eventId, params string[] accountIds) =>
        new() { EventId = "test:" + eventId, Source = "test", AccountIds = accountIds, ReceivedAt = _h.Now };

    /// <summary>The CRM, running <paramref name="onRead"/> after each account read (e.g. the process stalls) and recording the ids read.</summary>
    private sealed class StallingCrm(ICrm inner, Action onRead, List<IReadOnlyCollection<string>>? reads = null) : ICrm
    {
        public string Name => inner.Name;

        public IAsyncEnumerable<CrmAccount> ReadAccountsAsync(CrmReadRequest request, CancellationToken cancellationToken) =>
            inner.ReadAccountsAsync(request, cancellationToken);

        public async Task<IReadOnlyList<CrmAccount>> GetAccountsAsync(IReadOnlyCollection<string> accountIds, DateTimeOffset signalsSince, CancellationToken cancellationToken)
        {
            reads?.Add([.. accountIds]);
            var result = await inner.GetAccountsAsync(accountIds, signalsSince, cancellationToken);
            onRead();
            return result;
        }

        public Task<CrmWriteResult> WriteAsync(IReadOnlyList<AccountWrite> writes, CancellationToken cancellationToken) =>
            inner.WriteAsync(writes, cancellationToken);

        public ApiUsage GetUsage() => inner.GetUsage();
    }

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
