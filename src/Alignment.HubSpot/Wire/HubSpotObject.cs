namespace Alignment.HubSpot.Wire;

/// <summary>A CRM record (<c>SimplePublicObject</c>): every property value is a string.</summary>
internal sealed record HubSpotObject(
    string Id,
    IReadOnlyDictionary<string, string?>? Properties,
    DateTimeOffset? CreatedAt = null,
    DateTimeOffset? UpdatedAt = null,
    bool Archived = false)
{
    public string? Get(string name) =>
        Properties is not null && Properties.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
