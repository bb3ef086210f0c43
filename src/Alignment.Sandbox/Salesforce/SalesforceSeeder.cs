using System.Globalization;
using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Signals;
using Alignment.Core.Tiers;
using Alignment.Sandbox.Generation;

namespace Alignment.Sandbox.Salesforce;

/// <summary>
/// Turns domain accounts into Salesforce records, encoding each signal as the adapter's default mapping reads it back
/// (docs/salesforce.md, "Default signal mapping"): SalesTouch = a Call Task owned by the account owner; meetings and
/// demos = Events; email replies/opens/clicks and web intent = Tasks with subject prefixes; clicks with a contact =
/// CampaignMember "Clicked"; third-party intent = the intent custom object.
/// </summary>
internal sealed class SalesforceSeeder(SalesforceStore store, SalesforceEmulatorOptions options)
{
    private (DateTimeOffset At, object Boxed)? _stamp;

    public void Seed(IEnumerable<Account> accounts, DateTimeOffset now)
    {
        store.Add(User(options.MarketingUserId, null, null, null, now));
        foreach (var account in accounts)
        {
            AddAccount(account, options.SeededAt ?? now);
        }
    }

    public void AddAccount(Account account, DateTimeOffset modstamp)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Owner is { } owner && store.Find(owner.Id) is null)
        {
            store.Add(User(owner.Id, owner.Email, owner.TimeZone, owner.ManagerId, modstamp));
        }

        var record = store.NewRecord("Account", account.Id);
        Stamp(record, modstamp);
        record["Name"] = account.Name;
        record["NumberOfEmployees"] = account.Employees is { } e ? (decimal)e : null;
        record["Industry"] = account.Industry;
        record["AnnualRevenue"] = account.AnnualRevenue;
        record["BillingCountry"] = account.Country;
        record["BillingCountryCode"] = account.Country;
        record["OwnerId"] = account.Owner?.Id;
        record[SalesforceSchema.Technologies] = account.Technologies.IsDefaultOrEmpty ? null : string.Join(";", account.Technologies);
        var c = account.Current;
        record[SalesforceSchema.Score] = (decimal?)c.Score;
        record[SalesforceSchema.Fit] = (decimal?)c.Fit;
        record[SalesforceSchema.Intent] = (decimal?)c.Intent;
        record[SalesforceSchema.Engagement] = (decimal?)c.Engagement;
        record[SalesforceSchema.Tier] = c.Tier == Tier.None ? null : c.Tier.ToString();
        record[SalesforceSchema.TierLocked] = c.TierLocked;
        record[SalesforceSchema.Reasons] = c.Reasons;
        record[SalesforceSchema.ModelVersion] = c.ModelVersion;
        record[SalesforceSchema.ScoredAt] = c.ScoredAt;
        record[SalesforceSchema.HandoffStatus] = c.HandoffStatus == HandoffStatus.None ? null : c.HandoffStatus.ToString();
        record[SalesforceSchema.HandoffRule] = c.HandoffRule;
        record[SalesforceSchema.HandoffAt] = c.HandoffAt;
        record[SalesforceSchema.SlaDue] = c.SlaDue;
        record[SalesforceSchema.SlaStatus] = c.SlaStatus?.ToString();
        record[SalesforceSchema.FirstResponseAt] = c.FirstResponseAt;
        record[SalesforceSchema.RejectionReason] = c.RejectionReason;
        record[SalesforceSchema.WrongTier] = c.WrongTier;
        record[SalesforceSchema.TierConfirmedAt] = c.TierConfirmedAt;
        record[SalesforceSchema.ReviewDue] = c.ReviewDue;
        store.Add(record);
        foreach (var signal in account.Signals)
        {
            AddSignal(record, signal, modstamp);
        }
    }

    /// <summary>Adds an Opportunity on its account: closed won, closed lost or open (stage names as a default org's).</summary>
    public string AddOpportunity(Alignment.Core.Calibration.Opportunity opportunity, DateTimeOffset modstamp)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        var record = store.NewRecord("Opportunity", opportunity.Id);
        Stamp(record, modstamp);
        record["CreatedDate"] = opportunity.CreatedAt;
        record["AccountId"] = opportunity.AccountId;
        record["Name"] = "Opportunity " + opportunity.Id;
        var closed = opportunity.IsClosed;
        record["IsClosed"] = closed;
        record["IsWon"] = closed && opportunity.Won == true;
        record["StageName"] = !closed ? "Prospecting" : opportunity.Won == true ? "Closed Won" : "Closed Lost";
        record["CloseDate"] = DateOnly.FromDateTime((opportunity.ClosedAt ?? opportunity.CreatedAt.AddDays(30)).UtcDateTime);
        record["Amount"] = opportunity.Amount;
        return store.Add(record).Id;
    }

    /// <summary>Adds the record that encodes <paramref name="signal"/>; returns its id.</summary>
    public string AddSignal(EmulatedRecord account, Signal signal, DateTimeOffset modstamp)
    {
        var ownerId = account["OwnerId"] as string;
        var contact = signal.ContactId;
        if (contact is not null && signal.Seniority is { } seniority)
        {
            // The contact's job title says their level; the adapter classifies it back (buying-committee rules).
            EnsureContact(account, contact, modstamp)["Title"] ??= SeededTitles.For(seniority);
        }

        return signal.Kind switch
        {
            SignalKind.SalesTouch => Activity("Task", account, "Call", "Call", ownerId ?? options.MarketingUserId, signal.At, contact, modstamp),
            SignalKind.MeetingBooked => Activity("Event", account, "Meeting", "Meeting", options.MarketingUserId, signal.At, contact, modstamp),
            SignalKind.DemoAttended => Activity("Event", account, "Meeting", "Product demo", options.MarketingUserId, signal.At, contact, modstamp),
            SignalKind.EmailReply => Activity("Task", account, "Email", "RE: " + signal.Subject, options.MarketingUserId, signal.At, contact, modstamp),
            SignalKind.CallConnected => Activity("Task", account, "Call", "Call connected", options.MarketingUserId, signal.At, contact, modstamp),
            SignalKind.PricingPageView => Activity("Task", account, "Other", "Pricing page view", options.MarketingUserId, signal.At, contact, modstamp),
            SignalKind.WebVisit => Activity("Task", account, "Other", "Web visit", options.MarketingUserId, signal.At, contact, modstamp),
            SignalKind.ContentDownload => Activity("Task", account, "Other", "Content download", options.MarketingUserId, signal.At, contact, modstamp),
            SignalKind.AdClick => Activity("Task", account, "Other", "Ad click", options.MarketingUserId, signal.At, contact, modstamp),
            SignalKind.EmailOpen => Activity("Task", account, "Email", "Email opened: " + signal.Subject, options.MarketingUserId, signal.At, contact, modstamp),
            SignalKind.EmailClick when contact is not null => CampaignMember(account, "Clicked", signal.Subject, contact, signal.At, modstamp),
            SignalKind.EmailClick => Activity("Task", account, "Email", "Email clicked: " + signal.Subject, options.MarketingUserId, signal.At, contact, modstamp),
            SignalKind.FormSubmit => Activity("Task", account, "Other", "Form submission", options.MarketingUserId, signal.At, contact, modstamp),
            SignalKind.ThirdPartyIntent => IntentRecord(account, signal, modstamp),
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal.Kind, "Unknown signal kind."),
        };
    }

    public string Activity(string type, EmulatedRecord account, string? activityType, string subject, string ownerId, DateTimeOffset at, string? whoId, DateTimeOffset modstamp)
    {
        var record = store.NewRecord(type, store.NewId(type == "Task" ? "00T" : "00U"));
        Stamp(record, modstamp);
        record["CreatedDate"] = type == "Task" ? at : modstamp;
        record["WhatId"] = account.Id;
        record["AccountId"] = account.Id;
        record["WhoId"] = whoId;
        record["OwnerId"] = ownerId;
        record["Type"] = activityType;
        record["Subject"] = subject;
        if (type == "Event")
        {
            record["StartDateTime"] = at;
            record["EndDateTime"] = at.AddMinutes(30);
        }
        else
        {
            record["Status"] = "Completed";
        }

        return store.Add(record).Id;
    }

    private string CampaignMember(EmulatedRecord account, string status, string? campaignName, string contactId, DateTimeOffset at, DateTimeOffset modstamp)
    {
        EnsureContact(account, contactId, modstamp);
        var campaign = store.NewRecord("Campaign", store.NewId("701"));
        Stamp(campaign, modstamp);
        campaign["Name"] = campaignName;
        campaign["Type"] = "Email";
        store.Add(campaign);
        var member = store.NewRecord("CampaignMember", store.NewId("00v"));
        Stamp(member, modstamp);
        member["CreatedDate"] = at;
        member["CampaignId"] = campaign.Id;
        member["ContactId"] = contactId;
        member["Status"] = status;
        member["HasResponded"] = true;
        return store.Add(member).Id;
    }

    private EmulatedRecord EnsureContact(EmulatedRecord account, string contactId, DateTimeOffset modstamp)
    {
        if (store.Find(contactId) is { } existing)
        {
            return existing;
        }

        var contact = store.NewRecord("Contact", contactId);
        Stamp(contact, modstamp);
        contact["AccountId"] = account.Id;
        contact["LastName"] = "Contact";
        return store.Add(contact);
    }

    private string IntentRecord(EmulatedRecord account, Signal signal, DateTimeOffset modstamp)
    {
        var record = store.NewRecord(options.IntentObject, store.NewId("a0I"));
        Stamp(record, modstamp);
        record[options.IntentAccountField] = account.Id;
        record["Occurred_At__c"] = signal.At;
        record["Topic__c"] = signal.Topic;
        record["Strength__c"] = signal.Strength is { } s ? Math.Round((decimal)s * 100m, 4) : null;
        return store.Add(record).Id;
    }

    private EmulatedRecord User(string id, string? email, string? timeZone, string? managerId, DateTimeOffset modstamp)
    {
        var user = store.NewRecord("User", id);
        Stamp(user, modstamp);
        user["Email"] = email;
        user["TimeZoneSidKey"] = timeZone;
        user["ManagerId"] = managerId;
        user["Name"] = "User " + id.ToString(CultureInfo.InvariantCulture);
        return user;
    }

    private void Stamp(EmulatedRecord record, DateTimeOffset at)
    {
        // One boxed instant for all the records stamped alike (a seeded org's are): values are replaced, never changed.
        if (_stamp is not { } stamp || stamp.At != at)
        {
            _stamp = stamp = (at, EmulatedRecord.WholeSeconds(at)); // boxed once, already as the record keeps it
        }

        record["CreatedDate"] = stamp.Boxed;
        record["LastModifiedDate"] = stamp.Boxed;
        record["SystemModstamp"] = stamp.Boxed;
    }
}
