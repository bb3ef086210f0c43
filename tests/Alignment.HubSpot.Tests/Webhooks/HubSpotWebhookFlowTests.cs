using System.Globalization;
using System.Text;
using Alignment.Core.Signals;
using Alignment.HubSpot.Tests.Support;
using Alignment.HubSpot.Webhooks;
using Alignment.Sync.Inbox;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Alignment.TestKit.Fakes;
using Alignment.TestKit.Scoring;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Alignment.HubSpot.Tests.Support.SeedAccounts;

namespace Alignment.HubSpot.Tests.Webhooks;

/// <summary>
/// A signed HubSpot delivery through the intake and drain jobs against the emulator: a contact's creation rescores the
/// company it belongs to, a company property change that company; a redelivery of the same events stores nothing new.
/// </summary>
public sealed class HubSpotWebhookFlowTests
{
    private static readonly Uri Url = new("https://alignment.example.com/api/webhooks/hubspot?code=abc");

    [Fact]
    public async Task IntakeAndDrain_ContactCreationAndCompanyChangeDeliveredTwice_RescoreEachCompanyOnce()
    {
        var clock = new FakeTimeProvider(AsOf);
        await using var host = await HubSpotTestHost.StartAsync([Make("1001", At(SignalKind.EmailReply, 1, "c1")), Make("1002"), Make("1003")]);
        var contact = host.Emulator.ContactIdOf("c1");
        var body = $$"""
            [{"eventId":501,"subscriptionId":1,"portalId":62515,"occurredAt":1763650000000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":{{contact}},"changeFlag":"CREATED"},
             {"eventId":502,"subscriptionId":2,"portalId":62515,"occurredAt":1763650000001,"subscriptionType":"company.propertyChange","attemptNumber":0,"objectId":1002,"propertyName":"numberofemployees","propertyValue":"900"}]
            """;
        var inbox = new InMemoryWebhookInbox();
        var intake = new WebhookIntakeJob([host.Parser], inbox, clock, NullLogger<WebhookIntakeJob>.Instance);

        var first = await intake.RunAsync(new WebhookIntakeRequest("hubspot", Signed(body, clock.GetUtcNow())), TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromSeconds(30));
        var redelivery = await intake.RunAsync(new WebhookIntakeRequest("hubspot", Signed(body, clock.GetUtcNow())), TestContext.Current.CancellationToken);
        var drain = await new InboxDrainJob(inbox, host.Crm, new InMemoryTierHistoryStore(), new AccountPlanner(AlignmentRules.From(DefaultScoringModel.Value)),
            Microsoft.Extensions.Options.Options.Create(new SyncOptions()), clock, NullLogger<InboxDrainJob>.Instance).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal((200, 2, 0), (first.StatusCode, first.Stored, first.Duplicates));
        Assert.Equal((200, 0, 2), (redelivery.StatusCode, redelivery.Stored, redelivery.Duplicates));
        Assert.Equal(["hubspot:501", "hubspot:502"], inbox.All.Select(i => i.EventId).Order());
        Assert.Equal((2, 2), (drain.Done, drain.AccountsWritten));
        Assert.NotNull(host.Emulator.GetCompanyProperties("1001")!["alignment_score"]);
        Assert.NotNull(host.Emulator.GetCompanyProperties("1002")!["alignment_score"]);
        Assert.Null(host.Emulator.GetCompanyProperties("1003")!.GetValueOrDefault("alignment_score"));
    }

    [Fact]
    public async Task Intake_DeliverySignedWithAnotherSecret_Answers401AndStoresNothing()
    {
        var clock = new FakeTimeProvider(AsOf);
        await using var host = await HubSpotTestHost.StartAsync([Make("1001")]);
        var inbox = new InMemoryWebhookInbox();
        var intake = new WebhookIntakeJob([host.Parser], inbox, clock, NullLogger<WebhookIntakeJob>.Instance);
        const string body = """[{"eventId":1,"subscriptionType":"company.creation","objectId":1001}]""";

        var result = await intake.RunAsync(new WebhookIntakeRequest("hubspot", Signed(body, clock.GetUtcNow(), "not-the-secret")), TestContext.Current.CancellationToken);

        Assert.Equal(401, result.StatusCode);
        Assert.Empty(inbox.All);
    }

    private static WebhookRequest Signed(string body, DateTimeOffset at, string secret = "secret")
    {
        var timestamp = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        return new WebhookRequest("POST", Url, new Dictionary<string, string>
        {
            ["X-HubSpot-Signature-v3"] = HubSpotSignature.V3(secret, "POST", Url.AbsoluteUri, bytes, timestamp),
            ["X-HubSpot-Request-Timestamp"] = timestamp,
        }, bytes);
    }
}
