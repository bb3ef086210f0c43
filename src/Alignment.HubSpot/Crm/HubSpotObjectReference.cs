namespace Alignment.HubSpot.Crm;

/// <summary>
/// An id handed to <see cref="HubSpotCrm.GetAccountsAsync"/>: a plain company id (<c>512</c>), or a typed reference
/// <c>objectType:id</c> (<c>contacts:123</c>, <c>emails:9</c>) that the webhook parser emits for records whose company
/// the event does not name; those are resolved to the associated companies.
/// </summary>
internal readonly record struct HubSpotObjectReference(string ObjectType, string Id)
{
    public static HubSpotObjectReference Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? new("companies", value) : new(value[..colon], value[(colon + 1)..]);
    }

    public override string ToString() => ObjectType == "companies" ? Id : ObjectType + ":" + Id;
}
