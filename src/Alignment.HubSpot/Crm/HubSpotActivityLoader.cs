using System.Globalization;
using Alignment.HubSpot.Http;
using Alignment.HubSpot.Wire;
using Microsoft.Extensions.Logging;

namespace Alignment.HubSpot.Crm;

/// <summary>
/// Reads what a page of companies' signals come from: their emails, meetings, calls, notes and contacts (v4
/// associations, 100 ids a call, then batch reads), each activity's first contact, and the contacts' page views
/// (events API) — per <see cref="HubSpotSignalMappingOptions"/>, documented in docs/hubspot.md § 3.
/// </summary>
internal sealed class HubSpotActivityLoader(HubSpotClient client, HubSpotSignalMappingOptions mapping, ILogger logger)
{
    private readonly HubSpotClient _client = client;
    private readonly HubSpotSignalMappingOptions _mapping = mapping;
    private readonly ILogger _logger = logger;
    private volatile bool _pageViewsUnavailable;

    /// <summary>The records of the companies, grouped so that <see cref="HubSpotActivityPage.For"/> gives one company's.</summary>
    public async Task<HubSpotActivityPage> LoadAsync(IReadOnlyList<string> companyIds, DateTimeOffset signalsSince, CancellationToken cancellationToken)
    {
        var emails = await ActivitiesAsync(companyIds, "emails", HubSpotSignalMapper.EmailProperties, cancellationToken).ConfigureAwait(false);
        var meetings = await ActivitiesAsync(companyIds, "meetings", HubSpotSignalMapper.MeetingProperties, cancellationToken).ConfigureAwait(false);
        var calls = await ActivitiesAsync(companyIds, "calls", HubSpotSignalMapper.CallProperties, cancellationToken).ConfigureAwait(false);
        var notes = _mapping.ReadNotes
            ? await ActivitiesAsync(companyIds, "notes", HubSpotSignalMapper.NoteProperties, cancellationToken).ConfigureAwait(false)
            : ActivitySet.Empty;
        var contacts = _mapping.FormSubmissionsFromContacts || _mapping.ContactTitles || _mapping.PageViews
            ? await ActivitiesAsync(companyIds, "contacts", HubSpotSignalMapper.ContactProperties, cancellationToken).ConfigureAwait(false)
            : ActivitySet.Empty;
        var pageViews = _mapping.PageViews
            ? await PageViewsAsync(companyIds, contacts, signalsSince, cancellationToken).ConfigureAwait(false)
            : null;

        var activityContact = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_mapping.ResolveActivityContacts)
        {
            foreach (var (type, set) in new[] { ("emails", emails), ("meetings", meetings), ("calls", calls), ("notes", notes) })
            {
                if (set.Records.Count == 0)
                {
                    continue;
                }

                var links = await _client.ReadAssociationsAsync(type, "contacts", [.. set.Records.Keys], cancellationToken).ConfigureAwait(false);
                foreach (var (activityId, contactIds) in links)
                {
                    if (contactIds.Count > 0)
                    {
                        activityContact[type + ":" + activityId] = contactIds.Min(CompareIds)!;
                    }
                }
            }
        }

        return new HubSpotActivityPage(companyId => new HubSpotActivities(
            emails.For(companyId), meetings.For(companyId), calls.For(companyId), notes.For(companyId), contacts.For(companyId), activityContact,
            pageViews is not null && pageViews.TryGetValue(companyId, out var views) ? views : null));
    }

    /// <summary>
    /// The page views (events API) of each company's contacts: one call (one more per 100 views) per company that is the
    /// primary company (<c>associatedcompanyid</c>) of a contact whose last-visit analytics fall in the signal window,
    /// none for the others, asking for the page views of the contacts whose primary company it is
    /// (<c>objectProperty.associatedcompanyid</c>). A 403 (no Enterprise
    /// subscription or scope) turns page views off for this process, logged once; the run goes on without them.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<EventOccurrence>>?> PageViewsAsync(
        IReadOnlyList<string> companyIds, ActivitySet contacts, DateTimeOffset signalsSince, CancellationToken cancellationToken)
    {
        if (_pageViewsUnavailable)
        {
            return null;
        }

        var views = new Dictionary<string, IReadOnlyList<EventOccurrence>>(StringComparer.Ordinal);
        foreach (var companyId in companyIds)
        {
            // Only a company that is the primary company of a contact who visited in the window has views to read.
            if (!contacts.For(companyId).Any(c => c.Get(HubSpotSignalMapper.PrimaryCompanyProperty) is { } primary && primary == companyId
                && HubSpotPropertyValues.ParseInstant(c.Get(HubSpotSignalMapper.LastVisitProperty)) >= signalsSince))
            {
                continue;
            }

            try
            {
                var list = new List<EventOccurrence>();
                await foreach (var view in _client.GetEventsAsync("contact", [(HubSpotSignalMapper.PrimaryCompanyFilter, companyId)], _mapping.PageViewEventType, signalsSince, cancellationToken).ConfigureAwait(false))
                {
                    list.Add(view);
                }

                views[companyId] = list;
            }
            catch (HubSpotException e) when (e.StatusCode is 403)
            {
                _pageViewsUnavailable = true;
                HubSpotLog.PageViewsUnavailable(_logger, e.StatusCode ?? 0, e.ErrorCode ?? "");
                return views;
            }
        }

        return views;
    }

    private static readonly IComparer<string> CompareIds = Comparer<string>.Create((a, b) =>
        long.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out var x) && long.TryParse(b, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : string.CompareOrdinal(a, b));

    private async Task<ActivitySet> ActivitiesAsync(
        IReadOnlyList<string> companyIds, string objectType, IReadOnlyList<string> properties, CancellationToken cancellationToken)
    {
        var links = await _client.ReadAssociationsAsync("companies", objectType, companyIds, cancellationToken).ConfigureAwait(false);
        var wanted = links.Values.SelectMany(v => v).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return ActivitySet.Empty;
        }

        var records = (await _client.BatchReadAsync(objectType, wanted, properties, cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
        return new ActivitySet(links, records);
    }

    /// <summary>Records of one type and which company each belongs to.</summary>
    private sealed record ActivitySet(IReadOnlyDictionary<string, List<string>> Links, IReadOnlyDictionary<string, HubSpotObject> Records)
    {
        public static ActivitySet Empty { get; } = new(new Dictionary<string, List<string>>(), new Dictionary<string, HubSpotObject>());

        public IReadOnlyList<HubSpotObject> For(string companyId) =>
            Links.TryGetValue(companyId, out var ids) ? [.. ids.Where(Records.ContainsKey).Select(id => Records[id])] : [];
    }
}

/// <summary>The activities of a page of companies, one company at a time.</summary>
internal sealed class HubSpotActivityPage(Func<string, HubSpotActivities> forCompany)
{
    public HubSpotActivities For(string companyId) => forCompany(companyId);
}
