namespace Alignment.HubSpot.Http;

/// <summary>
/// Endpoint paths (relative to the base URL) for the configured version: date versions use
/// <c>crm/objects/2026-03/companies</c>, numbered ones <c>crm/v3/objects/companies</c> (associations on <c>v4</c>).
/// </summary>
internal sealed class HubSpotPaths
{
    private readonly string _version;
    private readonly bool _numbered;
    private readonly string _ownersVersion;

    public HubSpotPaths(string version, string? ownersVersion = null)
    {
        _version = version;
        _numbered = version.StartsWith('v');
        _ownersVersion = ownersVersion ?? version;
    }

    public string Objects(string objectType) =>
        _numbered ? $"crm/{_version}/objects/{objectType}" : $"crm/objects/{_version}/{objectType}";

    public string Search(string objectType) => Objects(objectType) + "/search";

    public string BatchRead(string objectType) => Objects(objectType) + "/batch/read";

    public string BatchUpdate(string objectType) => Objects(objectType) + "/batch/update";

    public string AssociationsBatchRead(string fromType, string toType) =>
        _numbered ? $"crm/v4/associations/{fromType}/{toType}/batch/read" : $"crm/associations/{_version}/{fromType}/{toType}/batch/read";

    public string Properties(string objectType) =>
        _numbered ? $"crm/{_version}/properties/{objectType}" : $"crm/properties/{_version}/{objectType}";

    public string Property(string objectType, string name) => Properties(objectType) + "/" + Uri.EscapeDataString(name);

    public string Groups(string objectType) => Properties(objectType) + "/groups";

    public string Group(string objectType, string name) => Groups(objectType) + "/" + Uri.EscapeDataString(name);

    /// <summary>Lists (segments) API: <c>crm/v3/lists</c> or <c>crm/lists/2026-03</c>.</summary>
    public string Lists() => _numbered ? $"crm/{_version}/lists" : $"crm/lists/{_version}";

    public string ListByName(string objectTypeId, string name) =>
        $"{Lists()}/object-type-id/{Uri.EscapeDataString(objectTypeId)}/name/{Uri.EscapeDataString(name)}?includeFilters=true";

    /// <summary>Event occurrences (web analytics): <c>events/v3/events</c> or <c>events/event-occurrences/2026-03</c>.</summary>
    public string Events() => _numbered ? $"events/{_version}/events" : $"events/event-occurrences/{_version}";

    public string Owners() => _ownersVersion.StartsWith('v') ? $"crm/{_ownersVersion}/owners" : $"crm/owners/{_ownersVersion}";
}
