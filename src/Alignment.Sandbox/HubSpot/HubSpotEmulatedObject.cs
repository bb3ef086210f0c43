namespace Alignment.Sandbox.HubSpot;

/// <summary>One stored record: a numeric id and string property values, as HubSpot keeps them.</summary>
internal sealed class HubSpotEmulatedObject(long id, DateTimeOffset createdAt)
{
    public long Id { get; } = id;

    public Dictionary<string, string?> Properties { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;
}
