using System.Text.Json;
using Alignment.HubSpot.Crm;
using Alignment.HubSpot.Wire;
using Alignment.TestKit.Paths;

namespace Alignment.HubSpot.Tests.Wire;

public sealed class HubSpotFixtureTests
{
    [Fact]
    public void ErrorBody_OpenApiExample_Deserializes()
    {
        var error = JsonSerializer.Deserialize(SharedFixtures.ReadText("fixtures/hubspot-docs/error_example_from_openapi.json"), HubSpotJsonContext.Default.ErrorBody)!;

        Assert.Equal(("VALIDATION_ERROR", "aeb5f871-7f07-4993-9211-075dc63e7cbf"), (error.Category, error.CorrelationId));
        Assert.StartsWith("Invalid input", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorBody_SubscriptionLimitFixture_DeserializesWithoutCategory()
    {
        var error = JsonSerializer.Deserialize(SharedFixtures.ReadText("fixtures/hubspot-docs/webhook_subscription_limit_error.json"), HubSpotJsonContext.Default.ErrorBody)!;

        Assert.Equal(("error", null, "2c9beb86-387b-4ff6-96f7-dbb486c00a95"), (error.Status, error.Category, error.CorrelationId));
    }

    [Fact]
    public void HubSpotObject_OpenApiExample_DeserializesStringValues()
    {
        var record = JsonSerializer.Deserialize(SharedFixtures.ReadText("fixtures/hubspot-docs/simple_public_object_example_from_openapi.json"), HubSpotJsonContext.Default.HubSpotObject)!;

        Assert.Equal("512", record.Id);
        Assert.Equal(17, HubSpotPropertyValues.ParseInt(record.Get("property_number")));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1572480000000), HubSpotPropertyValues.ParseInstant(record.Get("property_date")));
        Assert.False(HubSpotPropertyValues.ParseBool(record.Get("property_checkbox")));
        Assert.Equal(new DateTimeOffset(2019, 12, 7, 16, 50, 6, 678, TimeSpan.Zero), record.UpdatedAt);
    }

    [Fact]
    public void Deal_OpenApiExampleValuesAsDealProperties_MapsToAnOpportunity()
    {
        // The example's wire formats on the deal properties the outcome reader asks for: a date as epoch milliseconds,
        // a number as text, a checkbox as "false" (an open deal).
        var example = JsonSerializer.Deserialize(SharedFixtures.ReadText("fixtures/hubspot-docs/simple_public_object_example_from_openapi.json"), HubSpotJsonContext.Default.HubSpotObject)!;
        var deal = example with
        {
            Properties = new Dictionary<string, string?>
            {
                ["createdate"] = example.Get("property_date"),
                ["amount"] = example.Get("property_number"),
                ["hs_is_closed"] = example.Get("property_checkbox"),
                ["closedate"] = example.Get("property_date"),
            },
        };

        var opportunity = HubSpot.Calibration.HubSpotOutcomeReader.Map(deal, "9001")!;

        Assert.Equal(
            new Core.Calibration.Opportunity("512", "9001", DateTimeOffset.FromUnixTimeMilliseconds(1572480000000), null, null, 17m),
            opportunity);
        Assert.False(opportunity.IsClosed);
        var won = HubSpot.Calibration.HubSpotOutcomeReader.Map(deal with { Properties = new Dictionary<string, string?>(deal.Properties!) { ["hs_is_closed"] = "true", ["hs_is_closed_won"] = "true" } }, "9001")!;
        Assert.Equal((DateTimeOffset.FromUnixTimeMilliseconds(1572480000000), true), (won.ClosedAt!.Value, won.Won!.Value));
    }

    [Fact]
    public void WebhookEvents_DocsPayload_ReadsEventTypeAsTheType()
    {
        var events = JsonSerializer.Deserialize(SharedFixtures.ReadText("fixtures/hubspot-docs/webhook_payload_example.json"), HubSpotJsonContext.Default.IReadOnlyListWebhookEvent)!;

        Assert.Equal(["contact.propertyChange", "contact.creation"], events.Select(e => e.Type));
        Assert.Equal(3816279340, events[0].EventId);
    }

    [Fact]
    public void AssociationResponse_ToObjectIdAsStringOrNumber_BothRead()
    {
        const string json = """{"status":"COMPLETE","results":[{"from":{"id":"1"},"to":[{"toObjectId":9001,"associationTypes":[]},{"toObjectId":"9002","associationTypes":[]}]}]}""";

        var response = JsonSerializer.Deserialize(json, HubSpotJsonContext.Default.AssociationBatchResponse)!;

        Assert.Equal([9001L, 9002L], response.Results![0].To!.Select(t => t.ToObjectId));
    }
}
