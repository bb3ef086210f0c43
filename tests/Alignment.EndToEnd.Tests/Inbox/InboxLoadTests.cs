using System.Collections.Concurrent;
using System.Net;
using Alignment.Core.Accounts;
using Alignment.Core.Signals;
using Alignment.EndToEnd.Tests.Support;
using Alignment.Sync.Crm;
using Alignment.Sync.Inbox;
using Alignment.TestKit.Azurite;
using Alignment.TestKit.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.EndToEnd.Tests.Inbox;

/// <summary>
/// Signed Salesforce Flow callouts posted concurrently on loopback to the connector's webhook route, with
/// redeliveries among them: every delivery is acknowledged, every distinct event processed exactly once.
/// </summary>
public sealed class InboxLoadTests(AzuriteFixture azurite)
{
    private const int Deliveries = 200;
    private const int Duplicates = 20;
    private const int Concurrency = 8;

    [Fact]
    public async Task PostThenDrain_ConcurrentDeliveriesWithRedeliveries_EachEventProcessedOnce()
    {
        var seeds = Enumerable.Range(0, Deliveries - Duplicates).Select(Seed).ToList();
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, seeds);
        var fetches = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var connector = world.NewProcess(s => s.Decorate<ICrm>(crm => new CountingCrm(crm, fetches)));
        await using var endpoint = await WebhookEndpoint.StartAsync(connector, TestContext.Current.CancellationToken);
        var deliveries = FlowDelivery.Generate(Deliveries, Duplicates, [.. seeds.Select(s => s.Id)]);

        var statuses = new ConcurrentBag<HttpStatusCode>();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency });
        await Parallel.ForEachAsync(
            deliveries,
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = TestContext.Current.CancellationToken },
            async (delivery, token) =>
            {
                using var request = delivery.ToRequest(endpoint.UrlFor("salesforce"), World.FlowSecret, world.Time.GetUtcNow());
                using var response = await http.SendAsync(request, token);
                statuses.Add(response.StatusCode);
            });
        var writesAfterIntake = world.Salesforce!.Requests.Writes;
        var from = world.Time.GetUtcNow();
        var drains = new List<InboxDrainResult>();
        for (var i = 0; i < 10; i++)
        {
            drains.Add(await world.DrainAsync(connector));
        }

        var to = world.Time.GetUtcNow();
        var inbox = connector.GetRequiredService<IWebhookInbox>();
        var items = new List<InboxItem>();
        foreach (var eventId in deliveries.Select(d => d.EventId).Distinct())
        {
            var stored = await inbox.GetAsync("salesforce:flow:" + eventId, TestContext.Current.CancellationToken);
            Assert.NotNull(stored);
            items.Add(stored.Value);
        }

        Assert.Equal(Deliveries, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(0, writesAfterIntake);
        Assert.Equal(Deliveries - Duplicates, drains.Sum(d => d.Done));
        Assert.Equal(0, drains.Sum(d => d.Retrying + d.Parked + d.Skipped));
        Assert.All(items, item => Assert.Equal((InboxState.Done, 1), (item.State, item.Attempts)));
        Assert.All(seeds, seed => Assert.Equal(1, fetches.GetValueOrDefault(seed.Id)));
        Assert.Equal(Deliveries - Duplicates, fetches.Values.Sum());
        Assert.All(seeds, seed => Assertions.ScoredAsRulesSayBetween(CrmFields.Of(world.Salesforce, seed.Id), seed, from, to));
    }

    private static Account Seed(int i) => AccountBuilder.AnAccount()
        .WithId($"001E2EINBX{i:D5}")
        .WithName($"Inbox {i}")
        .WithSignal(SignalBuilder.A(SignalKind.PricingPageView).At(Snapshot.AsOf.AddHours(-i % 48)).By($"003E2EINBX{i % 7:D5}"))
        .Build();
}
