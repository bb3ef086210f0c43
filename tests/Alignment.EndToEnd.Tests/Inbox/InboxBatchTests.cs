using System.Net;
using Alignment.Core.Accounts;
using Alignment.EndToEnd.Tests.Support;
using Alignment.Sync.Crm;
using Alignment.Sync.Inbox;
using Alignment.TestKit.Azurite;
using Alignment.TestKit.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.EndToEnd.Tests.Inbox;

/// <summary>
/// The batched drain through the endpoint, the jobs, the emulators and Azurite: events coalesced by account, one
/// account's refusal holding back only its own items, a crash between two batch writes, a 429 burst mid-drain.
/// </summary>
public sealed class InboxBatchTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Drain_HundredEventsForThreeAccounts_ThreeRescoresOneBatchWrite()
    {
        Account[] seeds = [Snapshot.Hot(), Snapshot.Cold(), Snapshot.Locked()];
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, seeds);
        var connector = world.NewProcess();
        await using var endpoint = await WebhookEndpoint.StartAsync(connector, TestContext.Current.CancellationToken);
        await PostAsync(world, endpoint, [.. Enumerable.Range(0, 100).Select(i => new FlowDelivery($"evt-{i:D3}", seeds[i % 3].Id))]);
        world.Salesforce!.ResetRequestCounts();

        var start = world.Time.GetUtcNow();
        var result = await world.DrainAsync(world.NewProcess());
        var end = world.Time.GetUtcNow();

        Assert.Equal((100, 0, 0), (result.Done, result.Retrying, result.Parked));
        Assert.Equal((1, 3, 3), (result.Passes, result.AccountsRead, result.AccountsWritten));
        Assert.Equal(1, world.Salesforce.Requests.Writes);
        Assert.True(world.Salesforce.Requests.Reads <= 2, $"one account query and one CampaignMember query, not {world.Salesforce.Requests.Reads} reads");
        foreach (var i in new[] { 0, 1, 2, 50, 99 })
        {
            Assert.Equal((InboxState.Done, 1), await StateAsync(connector, $"salesforce:flow:evt-{i:D3}"));
        }

        Assert.All(seeds, seed => Assertions.ScoredAsRulesSayBetween(CrmFields.Of(world.Salesforce, seed.Id), seed, start, end));
    }

    [Fact]
    public async Task Drain_OneAccountsWriteRejected_OthersDoneItsItemsRetryThenParkWithCrmError()
    {
        Account[] seeds = [Snapshot.Hot(), Snapshot.Cold(), Snapshot.Locked()];
        var cold = seeds[1];
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, seeds);
        world.Set("Alignment:Sync:MaxInboxAttempts", "3");
        var connector = world.NewProcess();
        await using var endpoint = await WebhookEndpoint.StartAsync(connector, TestContext.Current.CancellationToken);
        await PostAsync(world, endpoint, new FlowDelivery("evt-hot", seeds[0].Id), new FlowDelivery("evt-cold", cold.Id),
            new FlowDelivery("evt-locked", seeds[2].Id), new FlowDelivery("evt-cold-2", cold.Id));
        world.Salesforce!.Faults.RejectRecords([cold.Id]);

        var first = await world.DrainAsync(connector);
        var waiting = await StateAsync(connector, "salesforce:flow:evt-cold");
        var waitingError = (await ItemAsync(connector, "salesforce:flow:evt-cold")).LastError;
        var later = new List<InboxDrainResult>();
        for (var i = 0; i < 4; i++)
        {
            world.MoveTo(world.Time.GetUtcNow().AddHours(1));
            later.Add(await world.DrainAsync(world.NewProcess()));
        }

        Assert.Equal((2, 2), (first.Done, first.Retrying));
        Assert.Equal((InboxState.Pending, 1), waiting);
        Assert.Equal("FIELD_CUSTOM_VALIDATION_EXCEPTION", waitingError);
        Assert.Equal((InboxState.Done, 1), await StateAsync(connector, "salesforce:flow:evt-hot"));
        Assert.Equal((InboxState.Done, 1), await StateAsync(connector, "salesforce:flow:evt-locked"));
        foreach (var eventId in new[] { "salesforce:flow:evt-cold", "salesforce:flow:evt-cold-2" })
        {
            var parked = await ItemAsync(connector, eventId);
            Assert.Equal((InboxState.Parked, 3, "FIELD_CUSTOM_VALIDATION_EXCEPTION"), (parked.State, parked.Attempts, parked.LastError));
        }

        Assert.Equal(2, later.Sum(r => r.Parked));
        Assert.Null(CrmFields.Of(world.Salesforce, cold.Id).Score);
        Assert.NotNull(CrmFields.Of(world.Salesforce, seeds[0].Id).Score);
    }

    [Fact]
    public async Task Drain_CrashBetweenBatchWrites_NothingLostNothingRewritten()
    {
        var seeds = Snapshot.All();
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, seeds);
        world.Set("Alignment:Sync:WriteBatchSize", "2");
        var receiver = world.NewProcess();
        await using var endpoint = await WebhookEndpoint.StartAsync(receiver, TestContext.Current.CancellationToken);
        await PostAsync(world, endpoint, [.. Enumerable.Range(0, 20).Select(i => new FlowDelivery($"evt-{i:D2}", seeds[i % seeds.Count].Id))]);
        var crash = new CrashSwitch();
        var dying = world.NewProcess(s => s.Decorate<ICrm>(crm => new CrashingCrm(crm, crash)));

        await Assert.ThrowsAsync<SimulatedCrashException>(() => world.DrainAsync(dying));
        var afterCrash = seeds.ToDictionary(s => s.Id, s => CrmFields.Of(world.Salesforce!, s.Id));
        var writtenBeforeCrash = afterCrash.Where(p => p.Value.Score is not null).Select(p => p.Key).ToList();
        var writeCallsBeforeCrash = world.Salesforce!.Requests.Writes;
        var duringLease = await world.DrainAsync(world.NewProcess());
        world.MoveTo(world.Time.GetUtcNow().AddMinutes(6));
        var start = world.Time.GetUtcNow();
        var afterLease = await world.DrainAsync(world.NewProcess());
        var end = world.Time.GetUtcNow();

        Assert.True(crash.Tripped);
        Assert.Equal((1, 2), (writeCallsBeforeCrash, writtenBeforeCrash.Count));
        Assert.Equal(0, duringLease.Done + duringLease.Retrying);
        Assert.Equal((20, 0, seeds.Count - 2), (afterLease.Done, afterLease.Retrying, afterLease.AccountsWritten));
        Assert.Equal(1 + 2, world.Salesforce.Requests.Writes); // the three others, two a call; the two already written are not rewritten
        foreach (var id in writtenBeforeCrash)
        {
            Assert.Equal(afterCrash[id], CrmFields.Of(world.Salesforce, id));
        }

        foreach (var seed in seeds.Where(s => !writtenBeforeCrash.Contains(s.Id)))
        {
            Assertions.ScoredAsRulesSayBetween(CrmFields.Of(world.Salesforce, seed.Id), seed, start, end);
        }

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal((InboxState.Done, 2), await StateAsync(receiver, $"salesforce:flow:evt-{i:D2}"));
        }
    }

    [Fact]
    public async Task Drain_HubSpot429BurstMidDrain_ItemsRetryThenDoneWrittenOnce()
    {
        Account[] seeds = [Snapshot.Hot(), Snapshot.Cold(), Snapshot.Locked()];
        await using var world = await World.StartHubSpotAsync(azurite, Snapshot.AsOf, seeds);
        var companies = seeds.Select(s => world.HubSpot!.CompanyIdOf(s.Id)).ToList();
        var connector = world.NewProcess();
        await using var endpoint = await WebhookEndpoint.StartAsync(connector, TestContext.Current.CancellationToken);
        var deliveries = Enumerable.Range(0, 12).Select(i => new HubSpotDelivery(500 + i, companies[i % 3])).ToList();
        await PostHubSpotAsync(world, endpoint, deliveries);
        var throttled = world.NewProcess(s => s.Decorate<ICrm>(crm => new BeforeWriteCrm(crm, () => world.HubSpot!.Faults.RateLimitNext(1000))));

        var first = await world.DrainAsync(throttled);
        var waiting = await ItemAsync(connector, deliveries[0].InboxEventId);
        var updatesWhileThrottled = world.HubSpot!.Counter["batch-update"];
        world.HubSpot.Faults.Clear();
        world.MoveTo(waiting.NextAttemptAt!.Value.AddSeconds(1));
        var start = world.Time.GetUtcNow();
        var second = await world.DrainAsync(world.NewProcess());
        var end = world.Time.GetUtcNow();
        var third = await world.DrainAsync(world.NewProcess());

        Assert.Equal((0, 12), (first.Done, first.Retrying));
        Assert.Equal((InboxState.Pending, 1, "RATE_LIMITS"), (waiting.State, waiting.Attempts, waiting.LastError));
        Assert.Equal((12, 3), (second.Done, second.AccountsWritten));
        Assert.Equal(0, third.Done + third.Retrying);
        Assert.Equal(updatesWhileThrottled + 1, world.HubSpot.Counter["batch-update"]);
        foreach (var (seed, company) in seeds.Zip(companies))
        {
            Assertions.ScoredAsRulesSayBetween(CrmFields.Of(world.HubSpot, company), seed with { Id = company }, start, end);
        }

        foreach (var delivery in deliveries)
        {
            Assert.Equal((InboxState.Done, 2), await StateAsync(connector, delivery.InboxEventId));
        }
    }

    private static async Task PostAsync(World world, WebhookEndpoint endpoint, params FlowDelivery[] deliveries)
    {
        using var http = new HttpClient(new SocketsHttpHandler());
        foreach (var delivery in deliveries)
        {
            using var request = delivery.ToRequest(endpoint.UrlFor("salesforce"), World.FlowSecret, world.Time.GetUtcNow());
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static async Task PostHubSpotAsync(World world, WebhookEndpoint endpoint, IEnumerable<HubSpotDelivery> deliveries)
    {
        using var http = new HttpClient(new SocketsHttpHandler());
        foreach (var delivery in deliveries)
        {
            using var request = delivery.ToRequest(endpoint.UrlFor("hubspot"), World.HubSpotSecret, world.Time.GetUtcNow());
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static async Task<InboxItem> ItemAsync(IServiceProvider connector, string eventId)
    {
        var stored = await connector.GetRequiredService<IWebhookInbox>().GetAsync(eventId, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        return stored.Value;
    }

    private static async Task<(InboxState State, int Attempts)> StateAsync(IServiceProvider connector, string eventId)
    {
        var item = await ItemAsync(connector, eventId);
        return (item.State, item.Attempts);
    }
}
