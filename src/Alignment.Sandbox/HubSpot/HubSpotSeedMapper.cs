using System.Globalization;
using Alignment.Core.Accounts;
using Alignment.Core.Signals;
using Alignment.Sandbox.Generation;

namespace Alignment.Sandbox.HubSpot;

/// <summary>
/// Turns seed accounts into HubSpot records the way the adapter's default mapping reads them back: EmailReply →
/// incoming email; EmailOpen/EmailClick → an email with an open/click count; MeetingBooked → scheduled meeting;
/// DemoAttended → completed meeting of type Demo; CallConnected → inbound connected call; FormSubmit → the contact's
/// first/recent conversion dates; SalesTouch → outbound email by the owner; a known contact's PricingPageView or
/// WebVisit → an <c>e_visited_page</c> event on the contact (events API); a signal's seniority → the contact's
/// <c>jobtitle</c>; every other kind (and any overflow) → a
/// note starting <c>[alignment:Kind ...]</c>. Seed ids that are not numeric get numeric HubSpot ids (see the maps).
/// </summary>
internal sealed class HubSpotSeedMapper(HubSpotEmulatorStore store)
{
    public const string ConnectedDisposition = "f240bbac-87c9-4f6e-bf70-924b57d47db7";

    public Dictionary<string, long> Companies { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Contacts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Owners { get; } = new(StringComparer.Ordinal);

    public HubSpotEmulatedObject AddCompany(Account account)
    {
        long? wanted = long.TryParse(account.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && store.Get("companies", n) is null ? n : null;
        var company = store.Create("companies", wanted);
        Companies[account.Id] = company.Id;
        var p = company.Properties;
        p["name"] = account.Name;
        p["numberofemployees"] = account.Employees?.ToString(CultureInfo.InvariantCulture);
        p["industry"] = account.Industry;
        p["annualrevenue"] = account.AnnualRevenue?.ToString(CultureInfo.InvariantCulture);
        p["country"] = account.Country;
        p["web_technologies"] = account.Technologies.IsDefaultOrEmpty ? null : string.Join(';', account.Technologies);
        if (account.Owner is { } owner)
        {
            p["hubspot_owner_id"] = OwnerId(owner).ToString(CultureInfo.InvariantCulture);
        }

        var c = account.Current;
        p["alignment_score"] = c.Score?.ToString(CultureInfo.InvariantCulture);
        p["alignment_fit_score"] = c.Fit?.ToString(CultureInfo.InvariantCulture);
        p["alignment_intent_score"] = c.Intent?.ToString(CultureInfo.InvariantCulture);
        p["alignment_engagement_score"] = c.Engagement?.ToString(CultureInfo.InvariantCulture);
        p["alignment_tier"] = c.Tier.ToString();
        p["alignment_tier_locked"] = c.TierLocked ? "true" : "false";
        p["alignment_score_reasons"] = c.Reasons;
        p["alignment_model_version"] = c.ModelVersion;
        p["alignment_scored_at"] = Iso(c.ScoredAt);
        p["alignment_handoff_status"] = c.HandoffStatus.ToString();
        p["alignment_handoff_rule"] = c.HandoffRule;
        p["alignment_handoff_at"] = Iso(c.HandoffAt);
        p["alignment_sla_due"] = Iso(c.SlaDue);
        p["alignment_sla_status"] = c.SlaStatus?.ToString();
        p["alignment_first_response_at"] = Iso(c.FirstResponseAt);
        p["alignment_rejection_reason"] = c.RejectionReason;
        p["alignment_wrong_tier"] = c.WrongTier ? "true" : "false";
        p["alignment_tier_confirmed_at"] = Iso(c.TierConfirmedAt);
        p["alignment_review_due"] = c.ReviewDue ? "true" : "false";

        foreach (var signal in account.Signals.OrderBy(s => s.At))
        {
            AddSignal(company, signal);
        }

        return company;
    }

    /// <summary>Adds the records that the default mapping reads back as <paramref name="signal"/>.</summary>
    public void AddSignal(HubSpotEmulatedObject company, Signal signal)
    {
        var contact = signal.ContactId is { } seedContact ? Contact(company, seedContact) : null;
        if (contact is not null && signal.Seniority is { } seniority)
        {
            // The contact's job title says their level; the adapter classifies it back (buying-committee rules).
            contact.Properties.TryAdd("jobtitle", SeededTitles.For(seniority));
        }

        var owner = company.Properties.GetValueOrDefault("hubspot_owner_id");
        var at = HubSpotEmulatorStore.Iso(signal.At);
        switch (signal.Kind)
        {
            case SignalKind.EmailReply:
                Activity(company, contact, "emails", at, ("hs_email_direction", "INCOMING_EMAIL"), ("hs_email_subject", signal.Subject), ("hs_email_status", "SENT"));
                break;
            case SignalKind.EmailOpen:
                Activity(company, contact, "emails", at, ("hs_email_direction", "EMAIL"), ("hs_email_subject", signal.Subject), ("hs_email_open_count", "1"), ("hs_email_click_count", "0"));
                break;
            case SignalKind.EmailClick:
                Activity(company, contact, "emails", at, ("hs_email_direction", "EMAIL"), ("hs_email_subject", signal.Subject), ("hs_email_open_count", "0"), ("hs_email_click_count", "1"));
                break;
            case SignalKind.MeetingBooked:
                Activity(company, contact, "meetings", at, ("hs_meeting_outcome", "SCHEDULED"), ("hs_meeting_title", signal.Subject), ("hs_meeting_start_time", at));
                break;
            case SignalKind.DemoAttended:
                Activity(company, contact, "meetings", at, ("hs_meeting_outcome", "COMPLETED"), ("hs_activity_type", "Demo"), ("hs_meeting_title", signal.Subject), ("hs_meeting_start_time", at));
                break;
            case SignalKind.CallConnected:
                Activity(company, contact, "calls", at, ("hs_call_direction", "INBOUND"), ("hs_call_disposition", ConnectedDisposition), ("hs_call_status", "COMPLETED"), ("hs_call_title", signal.Subject));
                break;
            case SignalKind.SalesTouch when owner is not null:
                Activity(company, contact, "emails", at, ("hs_email_direction", "EMAIL"), ("hs_email_subject", signal.Subject), ("hubspot_owner_id", owner), ("hs_email_open_count", "0"));
                break;
            case SignalKind.PricingPageView or SignalKind.WebVisit when contact is not null:
                PageView(company, contact, signal);
                break;
            case SignalKind.FormSubmit when contact is not null && Conversion(contact, signal):
                store.Touch(company);
                break;
            default:
                Note(company, contact, signal);
                break;
        }
    }

    /// <summary>
    /// A known contact's page view: an <c>e_visited_page</c> event on the contact (the pricing page or a blog post), and
    /// the contact's and company's last-visit analytics moved forward as HubSpot's tracking does.
    /// </summary>
    private void PageView(HubSpotEmulatedObject company, HubSpotEmulatedObject contact, Signal signal)
    {
        var url = signal.Kind == SignalKind.PricingPageView ? "https://www.example.com/pricing" : "https://www.example.com/blog/revenue-alignment";
        var key = ("contacts", contact.Id);
        if (!store.Events.TryGetValue(key, out var events))
        {
            store.Events[key] = events = [];
        }

        events.Add(new EmulatedEvent("e_visited_page", contact.Id.ToString(CultureInfo.InvariantCulture) + "-" + (events.Count + 1).ToString(CultureInfo.InvariantCulture), signal.At, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["hs_url"] = url,
            ["hs_page_title"] = signal.Kind == SignalKind.PricingPageView ? "Pricing" : "Revenue alignment, explained",
        }));
        var at = HubSpotEmulatorStore.Iso(signal.At);
        foreach (var record in new[] { contact, company })
        {
            if (string.CompareOrdinal(record.Properties.GetValueOrDefault("hs_analytics_last_visit_timestamp"), at) < 0)
            {
                record.Properties["hs_analytics_last_visit_timestamp"] = at;
            }
        }

        store.Touch(company);
    }

    private bool Conversion(HubSpotEmulatedObject contact, Signal signal)
    {
        var p = contact.Properties;
        var first = p.GetValueOrDefault("first_conversion_date");
        var recent = p.GetValueOrDefault("recent_conversion_date");
        var at = HubSpotEmulatorStore.Iso(signal.At);
        if (first is null)
        {
            p["first_conversion_date"] = at;
            p["first_conversion_event_name"] = signal.Subject;
            p["recent_conversion_date"] = at;
            p["recent_conversion_event_name"] = signal.Subject;
            return true;
        }

        if (string.CompareOrdinal(at, recent) < 0 || at == first)
        {
            return false; // older than the latest: the caller logs it as a note
        }

        if (recent != first)
        {
            // The previous "recent" conversion would be lost: keep it as a note.
            var previous = DateTimeOffset.Parse(recent!, CultureInfo.InvariantCulture);
            Note(null, null, new Signal(SignalKind.FormSubmit, previous, null, p.GetValueOrDefault("recent_conversion_event_name")), contact);
        }

        p["recent_conversion_date"] = at;
        p["recent_conversion_event_name"] = signal.Subject;
        return true;
    }

    private void Note(HubSpotEmulatedObject? company, HubSpotEmulatedObject? contact, Signal signal, HubSpotEmulatedObject? namedContact = null)
    {
        var args = new List<string>();
        if (signal.Topic is { } topic)
        {
            args.Add("topic=" + Uri.EscapeDataString(topic));
        }

        if (signal.Strength is { } strength)
        {
            args.Add("strength=" + strength.ToString("R", CultureInfo.InvariantCulture));
        }

        if (signal.Subject is { } subject)
        {
            args.Add("subject=" + Uri.EscapeDataString(subject));
        }

        if (namedContact is not null)
        {
            args.Add("contact=" + namedContact.Id.ToString(CultureInfo.InvariantCulture));
        }

        var body = $"[alignment:{signal.Kind}{(args.Count > 0 ? " " + string.Join(' ', args) : "")}] Logged by the intent provider.";
        var target = company ?? CompanyOf(namedContact!);
        if (target is not null)
        {
            Activity(target, contact, "notes", HubSpotEmulatorStore.Iso(signal.At), ("hs_note_body", body));
        }
    }

    /// <summary>A deal in the default pipeline on the company of the opportunity's seed account (see <see cref="HubSpotEmulator.AddDeals"/>).</summary>
    public HubSpotEmulatedObject AddDeal(Core.Calibration.Opportunity opportunity)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        var companyId = Companies.TryGetValue(opportunity.AccountId, out var id) ? id
            : throw new ArgumentException($"No company seeded for account {opportunity.AccountId}.", nameof(opportunity));
        var deal = store.Create("deals");
        var p = deal.Properties;
        var stage = opportunity.Won switch { true => "closedwon", false => "closedlost", null => "appointmentscheduled" };
        p["dealname"] = "Deal " + opportunity.Id;
        p["pipeline"] = "default";
        p["dealstage"] = stage;
        p["amount"] = opportunity.Amount?.ToString(CultureInfo.InvariantCulture);
        p["createdate"] = Iso(opportunity.CreatedAt);
        p["closedate"] = Iso(opportunity.ClosedAt);
        p["hs_is_closed"] = opportunity.IsClosed ? "true" : "false";
        p["hs_is_closed_won"] = opportunity.Won == true ? "true" : "false";
        store.Associate("deals", deal.Id, "companies", companyId);
        return deal;
    }

    private HubSpotEmulatedObject? CompanyOf(HubSpotEmulatedObject contact) =>
        store.Associated("contacts", contact.Id, "companies") is [var id, ..] ? store.Get("companies", id) : null;

    private void Activity(HubSpotEmulatedObject company, HubSpotEmulatedObject? contact, string type, string at, params (string Name, string? Value)[] properties)
    {
        var record = store.Create(type);
        record.Properties["hs_timestamp"] = at;
        foreach (var (name, value) in properties)
        {
            if (value is not null)
            {
                record.Properties[name] = value;
            }
        }

        store.Associate("companies", company.Id, type, record.Id);
        if (contact is not null)
        {
            store.Associate(type, record.Id, "contacts", contact.Id);
        }

        // Activity roll-ups (notes_last_updated) change the company, so an incremental read finds it.
        company.Properties["notes_last_updated"] = at;
        store.Touch(company);
    }

    private HubSpotEmulatedObject Contact(HubSpotEmulatedObject company, string seedContactId)
    {
        if (!Contacts.TryGetValue(seedContactId, out var id) || store.Get("contacts", id) is not { } contact)
        {
            long? wanted = long.TryParse(seedContactId, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && store.Get("contacts", n) is null ? n : null;
            contact = store.Create("contacts", wanted);
            Contacts[seedContactId] = contact.Id;
        }

        store.Associate("companies", company.Id, "contacts", contact.Id);
        contact.Properties.TryAdd("associatedcompanyid", company.Id.ToString(CultureInfo.InvariantCulture)); // the primary company
        return contact;
    }

    private long OwnerId(Owner owner)
    {
        if (!Owners.TryGetValue(owner.Id, out var id))
        {
            id = long.TryParse(owner.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : store.NextId();
            Owners[owner.Id] = id;
            store.Owners.Add((id.ToString(CultureInfo.InvariantCulture), owner.Email));
        }

        return id;
    }

    private static string? Iso(DateTimeOffset? instant) => instant is { } i ? HubSpotEmulatorStore.Iso(i) : null;
}
