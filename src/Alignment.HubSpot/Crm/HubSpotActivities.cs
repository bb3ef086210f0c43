using Alignment.HubSpot.Wire;

namespace Alignment.HubSpot.Crm;

/// <summary>
/// The records read for one company: its activities, contacts, for each activity its first contact (keyed
/// <c>objectType:id</c>, since ids are unique only within a type), and the page views read per company id.
/// </summary>
internal sealed record HubSpotActivities(
    IReadOnlyList<HubSpotObject> Emails,
    IReadOnlyList<HubSpotObject> Meetings,
    IReadOnlyList<HubSpotObject> Calls,
    IReadOnlyList<HubSpotObject> Notes,
    IReadOnlyList<HubSpotObject> Contacts,
    IReadOnlyDictionary<string, string> ActivityContact,
    IReadOnlyDictionary<string, IReadOnlyList<EventOccurrence>>? PageViews = null)
{
    public static HubSpotActivities None { get; } = new([], [], [], [], [], new Dictionary<string, string>());

    /// <summary>The page views of the contacts whose primary company is <paramref name="companyId"/> (none when not read).</summary>
    public IReadOnlyList<EventOccurrence> PageViewsOf(string companyId) =>
        PageViews is not null && PageViews.TryGetValue(companyId, out var views) ? views : [];

    public string? ContactOf(string objectType, HubSpotObject activity) =>
        ActivityContact.TryGetValue(objectType + ":" + activity.Id, out var contact) ? contact : null;
}
