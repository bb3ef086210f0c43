namespace Alignment.HubSpot.Wire;

/// <summary>One event of a webhook delivery. The docs name the type <c>eventType</c>, deliveries <c>subscriptionType</c>.</summary>
internal sealed record WebhookEvent(
    long? EventId,
    long? SubscriptionId,
    long? PortalId,
    long? OccurredAt,
    string? SubscriptionType,
    string? EventType,
    long? ObjectId,
    string? ObjectTypeId,
    string? PropertyName,
    string? AssociationType,
    long? FromObjectId,
    long? ToObjectId,
    long? PrimaryObjectId,
    long? NewObjectId)
{
    public string? Type => SubscriptionType ?? EventType;
}
