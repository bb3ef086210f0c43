namespace Alignment.HubSpot;

/// <summary>
/// How HubSpot records become signals (documented in docs/hubspot.md). Defaults: incoming emails → EmailReply;
/// emails with opens/clicks → EmailOpen/EmailClick; meetings → MeetingBooked (completed demo → DemoAttended);
/// connected calls → CallConnected; contacts' conversion dates → FormSubmit; the account owner's emails, calls and
/// meetings → SalesTouch; notes starting with <c>[alignment:Kind]</c> → that kind; the company's contacts' page views
/// (events API) → PricingPageView on the pricing page, WebVisit elsewhere; contacts' <c>jobtitle</c> → the seniority
/// of their signals.
/// </summary>
public sealed class HubSpotSignalMappingOptions
{
    public bool IncomingEmailIsReply { get; set; } = true;

    /// <summary><c>hs_email_open_count</c> &gt; 0 → EmailOpen, <c>hs_email_click_count</c> &gt; 0 → EmailClick.</summary>
    public bool EmailOpensAndClicks { get; set; } = true;

    /// <summary><c>hs_meeting_outcome</c> values that count as a booked meeting.</summary>
    public List<string> BookedMeetingOutcomes { get; set; } = ["SCHEDULED", "COMPLETED", "RESCHEDULED"];

    /// <summary>A COMPLETED meeting whose <c>hs_activity_type</c> or title contains this text (case-insensitive) is a DemoAttended.</summary>
    public string DemoMeetingType { get; set; } = "demo";

    /// <summary><c>hs_call_disposition</c> ids meaning "connected" (HubSpot's default Connected outcome).</summary>
    public List<string> ConnectedCallDispositions { get; set; } = ["f240bbac-87c9-4f6e-bf70-924b57d47db7"];

    /// <summary>Contacts' <c>first_conversion_date</c> / <c>recent_conversion_date</c> → FormSubmit.</summary>
    public bool FormSubmissionsFromContacts { get; set; } = true;

    /// <summary>Emails (outbound), calls (outbound) and meetings owned by the account's owner → SalesTouch.</summary>
    public bool OwnerActivitiesAreSalesTouches { get; set; } = true;

    /// <summary>Read notes for <see cref="NoteSignalPrefix"/> markers (intent tools logging to HubSpot).</summary>
    public bool ReadNotes { get; set; } = true;

    /// <summary>A note body starting with <c>[alignment:PricingPageView topic=x strength=0.5]</c> is that signal.</summary>
    public string NoteSignalPrefix { get; set; } = "[alignment:";

    /// <summary>Company <c>hs_analytics_last_visit_timestamp</c> → one WebVisit (optional; off by default).</summary>
    public bool WebVisitFromCompanyAnalytics { get; set; }

    /// <summary>
    /// Page views of the company's contacts from the events API (<see cref="PageViewEventType"/>): one call per contact
    /// whose <c>hs_analytics_last_visit_timestamp</c> falls in the signal window (none for the others). The events API
    /// needs an Enterprise subscription; on a portal without it HubSpot answers 403 and the run goes on without page
    /// views (logged once).
    /// </summary>
    public bool PageViews { get; set; } = true;

    /// <summary>The page-view event type (HubSpot's standard <c>e_visited_page</c>).</summary>
    public string PageViewEventType { get; set; } = "e_visited_page";

    /// <summary>The event property holding the page's address.</summary>
    public string PageViewUrlProperty { get; set; } = "hs_url";

    /// <summary>A page view whose address matches this regular expression is a PricingPageView.</summary>
    public string PricingPagePattern { get; set; } = @"(?i)/pricing(?:[/?#.]|$)";

    /// <summary>A page view of any other page is a WebVisit (false: only pricing page views count).</summary>
    public bool OtherPageViewsAreWebVisits { get; set; } = true;

    /// <summary>Contacts' <c>jobtitle</c> gives their signals a seniority (buying-committee rules; no extra call).</summary>
    public bool ContactTitles { get; set; } = true;

    /// <summary>Read the contact associated with each email, meeting, call and note (distinct engaged contacts).</summary>
    public bool ResolveActivityContacts { get; set; } = true;
}
