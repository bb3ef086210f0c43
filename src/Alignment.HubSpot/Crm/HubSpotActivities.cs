using Alignment.HubSpot.Wire;

namespace Alignment.HubSpot.Crm;

/// <summary>
/// The records read for one company: its activities, contacts, for each activity its first contact (keyed
/// <c>objectType:id</c>, since ids are unique only within a type), and the page views of the contacts whose primary company it is (none when not read).
/// </summary>
internal sealed record HubSpotActivities(
    IReadOnlyList<HubSpotObject> Emails,
    IReadOnlyList<HubSpotObject> Meetings,
    IReadOnlyList<HubSpotObject> Calls,
    IReadOnlyList<HubSpotObject> Notes,
    IReadOnlyList<HubSpotObject> Contacts,
    IReadOnlyDictionary<string, string> ActivityContact,
    IReadOnlyList<EventOccurrence>? PageViews = null)
{
    public static HubSpotActivities None { get; } = new([], [], [], [], [], new Dictionary<string, string>());

    public string? ContactOf(string objectType, HubSpotObject activity) =>
        ActivityContact.TryGetValue(objectType + ":" + activity.Id, out var contact) ? contact : null;
}
