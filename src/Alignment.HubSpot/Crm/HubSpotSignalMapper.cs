using System.Globalization;
using System.Text.RegularExpressions;
using Alignment.Core.Signals;
using Alignment.HubSpot.Wire;

namespace Alignment.HubSpot.Crm;

/// <summary>
/// Turns a company's HubSpot records into signals, per <see cref="HubSpotSignalMappingOptions"/> (the defaults are
/// documented in docs/hubspot.md). Signals older than <c>since</c> are dropped; the result is ordered by time.
/// </summary>
internal sealed class HubSpotSignalMapper
{
    public static readonly IReadOnlyList<string> EmailProperties =
        ["hs_timestamp", "hs_email_direction", "hs_email_subject", "hs_email_open_count", "hs_email_click_count", "hubspot_owner_id"];

    public static readonly IReadOnlyList<string> MeetingProperties =
        ["hs_timestamp", "hs_meeting_outcome", "hs_activity_type", "hs_meeting_title", "hs_meeting_start_time", "hubspot_owner_id"];

    public static readonly IReadOnlyList<string> CallProperties =
        ["hs_timestamp", "hs_call_direction", "hs_call_disposition", "hs_call_status", "hs_call_title", "hubspot_owner_id"];

    public static readonly IReadOnlyList<string> NoteProperties = ["hs_timestamp", "hs_note_body"];

    public static readonly IReadOnlyList<string> ContactProperties =
        ["first_conversion_date", "first_conversion_event_name", "recent_conversion_date", "recent_conversion_event_name", "jobtitle", LastVisitProperty, PrimaryCompanyProperty];

    /// <summary>The contact's last tracked visit: page views are read only for companies with a contact who visited in the window.</summary>
    public const string LastVisitProperty = "hs_analytics_last_visit_timestamp";

    /// <summary>The contact property holding its primary company's id.</summary>
    public const string PrimaryCompanyProperty = "associatedcompanyid";

    /// <summary>The events API filter on the contact's primary company.</summary>
    public const string PrimaryCompanyFilter = "objectProperty." + PrimaryCompanyProperty;

    private readonly HubSpotSignalMappingOptions _options;
    private readonly Regex _noteMarker;
    private readonly Regex _pricingPage;

    public HubSpotSignalMapper(HubSpotSignalMappingOptions options)
    {
        _options = options;
        _noteMarker = new Regex(
            @"^\s*(?:<[^>]+>\s*)*" + Regex.Escape(options.NoteSignalPrefix) + @"(?<kind>[A-Za-z]+)(?<args>[^\]]*)\]",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromMilliseconds(100));
        _pricingPage = new Regex(options.PricingPagePattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    public IReadOnlyList<Signal> Map(HubSpotObject company, string? ownerId, HubSpotActivities activities, DateTimeOffset since)
    {
        var signals = new List<Signal>();
        foreach (var email in activities.Emails)
        {
            AddEmail(signals, email, ownerId, activities.ContactOf("emails", email));
        }

        foreach (var meeting in activities.Meetings)
        {
            AddMeeting(signals, meeting, ownerId, activities.ContactOf("meetings", meeting));
        }

        foreach (var call in activities.Calls)
        {
            AddCall(signals, call, ownerId, activities.ContactOf("calls", call));
        }

        if (_options.ReadNotes)
        {
            foreach (var note in activities.Notes)
            {
                AddNote(signals, note, activities.ContactOf("notes", note));
            }
        }

        if (_options.FormSubmissionsFromContacts)
        {
            foreach (var contact in activities.Contacts)
            {
                AddConversions(signals, contact);
            }
        }

        foreach (var view in activities.PageViews ?? [])
        {
            AddPageView(signals, view);
        }

        if (_options.WebVisitFromCompanyAnalytics
            && HubSpotPropertyValues.ParseInstant(company.Get("hs_analytics_last_visit_timestamp")) is { } visit)
        {
            signals.Add(new Signal(SignalKind.WebVisit, visit));
        }

        var titles = _options.ContactTitles
            ? activities.Contacts.Where(c => !string.IsNullOrWhiteSpace(c.Get("jobtitle"))).ToDictionary(c => c.Id, c => c.Get("jobtitle")!, StringComparer.Ordinal)
            : [];
        return [.. signals
            .Where(s => s.At >= since)
            .Select(s => SeniorityTitles.WithContactLevel(s, titles))
            .OrderBy(s => s.At).ThenBy(s => s.Kind)];
    }

    /// <summary>A page view: the pricing page (<see cref="HubSpotSignalMappingOptions.PricingPagePattern"/>) or, when enabled, a web visit.</summary>
    private void AddPageView(List<Signal> signals, EventOccurrence view)
    {
        if (view.OccurredAt is not { } at)
        {
            return;
        }

        var contactId = view.ObjectId;

        var url = view.Property(_options.PageViewUrlProperty);
        if (url is not null && _pricingPage.IsMatch(url))
        {
            signals.Add(new Signal(SignalKind.PricingPageView, at.ToUniversalTime(), contactId));
        }
        else if (_options.OtherPageViewsAreWebVisits)
        {
            signals.Add(new Signal(SignalKind.WebVisit, at.ToUniversalTime(), contactId));
        }
    }

    private void AddEmail(List<Signal> signals, HubSpotObject email, string? ownerId, string? contact)
    {
        if (At(email) is not { } at)
        {
            return;
        }

        var subject = email.Get("hs_email_subject");
        var direction = email.Get("hs_email_direction");
        if (string.Equals(direction, "INCOMING_EMAIL", StringComparison.OrdinalIgnoreCase))
        {
            if (_options.IncomingEmailIsReply)
            {
                signals.Add(new Signal(SignalKind.EmailReply, at, contact, subject));
            }

            return;
        }

        if (IsOwners(email, ownerId))
        {
            signals.Add(new Signal(SignalKind.SalesTouch, at, contact, subject));
        }

        if (_options.EmailOpensAndClicks)
        {
            if (HubSpotPropertyValues.ParseInt(email.Get("hs_email_open_count")) > 0)
            {
                signals.Add(new Signal(SignalKind.EmailOpen, at, contact, subject));
            }

            if (HubSpotPropertyValues.ParseInt(email.Get("hs_email_click_count")) > 0)
            {
                signals.Add(new Signal(SignalKind.EmailClick, at, contact, subject));
            }
        }
    }

    private void AddMeeting(List<Signal> signals, HubSpotObject meeting, string? ownerId, string? contact)
    {
        if ((At(meeting) ?? HubSpotPropertyValues.ParseInstant(meeting.Get("hs_meeting_start_time"))) is not { } at)
        {
            return;
        }

        var outcome = meeting.Get("hs_meeting_outcome");
        var title = meeting.Get("hs_meeting_title");
        var type = meeting.Get("hs_activity_type");
        var demo = !string.IsNullOrEmpty(_options.DemoMeetingType)
            && ((type?.Contains(_options.DemoMeetingType, StringComparison.OrdinalIgnoreCase) ?? false)
                || (title?.Contains(_options.DemoMeetingType, StringComparison.OrdinalIgnoreCase) ?? false));
        if (demo && string.Equals(outcome, "COMPLETED", StringComparison.OrdinalIgnoreCase))
        {
            signals.Add(new Signal(SignalKind.DemoAttended, at, contact, title));
        }
        else if (outcome is null || _options.BookedMeetingOutcomes.Contains(outcome, StringComparer.OrdinalIgnoreCase))
        {
            signals.Add(new Signal(SignalKind.MeetingBooked, at, contact, title));
        }

        if (IsOwners(meeting, ownerId))
        {
            signals.Add(new Signal(SignalKind.SalesTouch, at, contact, title));
        }
    }

    private void AddCall(List<Signal> signals, HubSpotObject call, string? ownerId, string? contact)
    {
        if (At(call) is not { } at)
        {
            return;
        }

        var title = call.Get("hs_call_title");
        if (call.Get("hs_call_disposition") is { } disposition
            && _options.ConnectedCallDispositions.Contains(disposition, StringComparer.OrdinalIgnoreCase))
        {
            signals.Add(new Signal(SignalKind.CallConnected, at, contact, title));
        }

        if (string.Equals(call.Get("hs_call_direction"), "OUTBOUND", StringComparison.OrdinalIgnoreCase) && IsOwners(call, ownerId))
        {
            signals.Add(new Signal(SignalKind.SalesTouch, at, contact, title));
        }
    }

    private void AddNote(List<Signal> signals, HubSpotObject note, string? contact)
    {
        if (At(note) is not { } at || note.Get("hs_note_body") is not { } body)
        {
            return;
        }

        var match = _noteMarker.Match(body);
        if (!match.Success || !SignalKinds.TryParse(match.Groups["kind"].Value, out var kind))
        {
            return;
        }

        string? topic = null;
        string? subject = null;
        double? strength = null;
        foreach (var token in match.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = token.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var value = Uri.UnescapeDataString(token[(eq + 1)..]);
            switch (token[..eq])
            {
                case "topic":
                    topic = value;
                    break;
                case "subject":
                    subject = value;
                    break;
                case "strength" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s):
                    strength = Math.Clamp(s, 0, 1);
                    break;
                case "contact":
                    contact = value;
                    break;
                default:
                    break;
            }
        }

        signals.Add(new Signal(kind, at, contact, subject, topic, strength));
    }

    private static void AddConversions(List<Signal> signals, HubSpotObject contact)
    {
        var first = HubSpotPropertyValues.ParseInstant(contact.Get("first_conversion_date"));
        var recent = HubSpotPropertyValues.ParseInstant(contact.Get("recent_conversion_date"));
        if (first is { } f)
        {
            signals.Add(new Signal(SignalKind.FormSubmit, f, contact.Id, contact.Get("first_conversion_event_name")));
        }

        if (recent is { } r && r != first)
        {
            signals.Add(new Signal(SignalKind.FormSubmit, r, contact.Id, contact.Get("recent_conversion_event_name")));
        }
    }

    private bool IsOwners(HubSpotObject activity, string? ownerId) =>
        _options.OwnerActivitiesAreSalesTouches && ownerId is not null
        && string.Equals(activity.Get("hubspot_owner_id"), ownerId, StringComparison.Ordinal);

    private static DateTimeOffset? At(HubSpotObject activity) => HubSpotPropertyValues.ParseInstant(activity.Get("hs_timestamp"));
}
