using System.Net;
using Alignment.Core.Accounts;
using Alignment.EndToEnd.Tests.Support;
using Alignment.Sync.Crm;
using Alignment.Sync.Inbox;
using Alignment.TestKit.Azurite;
using Alignment.TestKit.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.EndToEnd.Tests.Inbox;

/// <summary>Inbox processing when the CRM fails or the process dies: retried with back-off, parked with its error, never written twice.</summary>
public sealed class InboxFaultTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Drain_CrmDownThenBack_RetriedAfterBackoffAndProcessedOnce()
    {
        Account[] seeds = [Snapshot.Hot(), Snapshot.Cold()];
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, seeds);
        var connector = world.NewProcess();
        await using var endpoint = await WebhookEndpoint.StartAsync(connector, TestContext.Current.CancellationToken);
        await PostAsync(world, endpoint, new FlowDelivery("evt-a", seeds[0].Id), new FlowDelivery("evt-b", seeds[1].Id));

        world.Salesforce!.Faults.FailNextRequests(200, 503);
        var down = await world.DrainAsync(connector);
        var waiting = await ItemAsync(connector, "evt-a");
        var waitingB = await ItemAsync(connector, "evt-b");
        world.Salesforce.Faults.Clear();
        var tooSoon = await world.DrainAsync(connector);
        world.MoveTo(new[] { waiting.NextAttemptAt!.Value, waitingB.NextAttemptAt!.Value }.Max().AddSeconds(1));
        var start = world.Time.GetUtcNow();
        var back = await world.DrainAsync(world.NewProcess());
        var end = world.Time.GetUtcNow();
        var done = await ItemAsync(connector, "evt-a");

        Assert.Equal((0, 2), (down.Done, down.Retrying));
        Assert.Equal((InboxState.Pending, 1), (waiting.State, waiting.Attempts));
        Assert.NotNull(waiting.LastError);
        Assert.Equal(0, tooSoon.Done + tooSoon.Retrying);
        Assert.Equal((2, 2), (back.Done, back.AccountsWritten));
        Assert.Equal((InboxState.Done, 2), (done.State, done.Attempts));
        Assert.All(seeds, seed => Assertions.ScoredAsRulesSayBetween(CrmFields.Of(world.Salesforce, seed.Id), seed, start, end));
    }

    [Fact]
    public async Task Drain_KilledAfterCrmWrite_ReprocessedAfterLeaseWithoutRewriting()
    {
        var hot = Snapshot.Hot();
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, [hot]);
        var receiver = world.NewProcess();
        await using var endpoint = await WebhookEndpoint.StartAsync(receiver, TestContext.Current.CancellationToken);
        await PostAsync(world, endpoint, new FlowDelivery("evt-hot", hot.Id));
        var crash = new CrashSwitch();
        var dying = world.NewProcess(s => s.Decorate<ICrm>(crm => new CrashingCrm(crm, crash)));

        await Assert.ThrowsAsync<SimulatedCrashException>(() => world.DrainAsync(dying));
        var written = CrmFields.Of(world.Salesforce!, hot.Id);
        var writes = world.Salesforce!.Requests.Writes;
        var duringLease = await world.DrainAsync(world.NewProcess());
        world.MoveTo(world.Time.GetUtcNow().AddMinutes(6));
        var afterLease = await world.DrainAsync(world.NewProcess());
        var item = await ItemAsync(receiver, "evt-hot");

        Assert.True(crash.Tripped);
        Assert.Equal(1, writes);
        Assert.Equal(0, duringLease.Done + duringLease.Retrying);
        Assert.Equal((1, 0), (afterLease.Done, afterLease.AccountsWritten));
        Assert.Equal((InboxState.Done, 2), (item.State, item.Attempts));
        Assert.Equal(writes, world.Salesforce.Requests.Writes);
        Assert.Equal(written, CrmFields.Of(world.Salesforce, hot.Id));
        Assertions.ScoredAsRulesSay(written, hot, written.ScoredAt!.Value);
    }

    [Fact]
    public async Task Drain_CrmKeepsFailing_ParkedAfterMaxAttemptsWithError()
    {
        var hot = Snapshot.Hot();
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, [hot]);
        world.Set("Alignment:Sync:MaxInboxAttempts", "3");
        var connector = world.NewProcess();
        await using var endpoint = await WebhookEndpoint.StartAsync(connector, TestContext.Current.CancellationToken);
        await PostAsync(world, endpoint, new FlowDelivery("evt-hot", hot.Id));
        world.Salesforce!.Faults.FailNextRequests(10_000, 503);

        var results = new List<InboxDrainResult>();
        for (var i = 0; i < 6; i++)
        {
            results.Add(await world.DrainAsync(connector));
            world.MoveTo(world.Time.GetUtcNow().AddHours(1));
        }

        var item = await ItemAsync(connector, "evt-hot");

        Assert.Equal((InboxState.Parked, 3), (item.State, item.Attempts));
        Assert.Equal("SERVER_UNAVAILABLE", item.LastError);
        Assert.Equal(1, results.Sum(r => r.Parked));
        Assert.Equal(0, results.Sum(r => r.Done));
        Assert.Null(CrmFields.Of(world.Salesforce, hot.Id).Score);
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

    private static async Task<InboxItem> ItemAsync(IServiceProvider connector, string eventId)
    {
        var stored = await connector.GetRequiredService<IWebhookInbox>().GetAsync("salesforce:flow:" + eventId, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        return stored.Value;
    }
}
