using System.Text.Json;
using Alignment.Core.Signals;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Mapping;

namespace Alignment.Salesforce.Tests.Configuration;

public sealed class SalesforceSignalMapperTests
{
    private const string Owner = "005000000000001AAA";
    private static readonly SalesforceSignalMapper Defaults = new(new SalesforceSignalMapping());

    private static JsonElement Record(string? type, string subject, string ownerId = "005000000000MKTAAA", string? who = "003000000000001AAA") =>
        JsonSerializer.SerializeToElement(new Dictionary<string, string?>
        {
            ["Type"] = type, ["Subject"] = subject, ["OwnerId"] = ownerId, ["WhoId"] = who,
            ["CreatedDate"] = "2026-11-19T10:00:00.000+0000", ["StartDateTime"] = "2026-11-19T11:00:00.000+0000",
        });

    [Theory]
    [InlineData("Task", "Call", "Call", Owner, SignalKind.SalesTouch)]
    [InlineData("Task", "Email", "Sent proposal", Owner, SignalKind.SalesTouch)]
    [InlineData("Event", "Meeting", "Discovery", Owner, SignalKind.SalesTouch)]
    [InlineData("Task", "Email", "RE: pricing", "005000000000MKTAAA", SignalKind.EmailReply)]
    [InlineData("Task", "Call", "Call connected", "005000000000MKTAAA", SignalKind.CallConnected)]
    [InlineData("Event", null, "Product demo", "005000000000MKTAAA", SignalKind.DemoAttended)]
    [InlineData("Event", "Meeting", "Intro", "005000000000MKTAAA", SignalKind.MeetingBooked)]
    [InlineData("Task", "Other", "Pricing page view", "005000000000MKTAAA", SignalKind.PricingPageView)]
    [InlineData("Task", null, "Web visit /blog", "005000000000MKTAAA", SignalKind.WebVisit)]
    [InlineData("Task", null, "Content download: e-book", "005000000000MKTAAA", SignalKind.ContentDownload)]
    [InlineData("Task", null, "Ad click", "005000000000MKTAAA", SignalKind.AdClick)]
    [InlineData("Task", "Email", "Email opened: Q4", "005000000000MKTAAA", SignalKind.EmailOpen)]
    [InlineData("Task", "Email", "Email clicked: Q4", "005000000000MKTAAA", SignalKind.EmailClick)]
    [InlineData("Task", null, "Form submission", "005000000000MKTAAA", SignalKind.FormSubmit)]
    public void FromActivity_DefaultRules_MapTheDocumentedKinds(string obj, string? type, string subject, string ownerId, SignalKind kind) =>
        Assert.Equal(kind, Defaults.FromActivity(obj, Record(type, subject, ownerId), Owner)?.Kind);

    [Fact]
    public void FromActivity_NoRuleMatches_IsIgnored() => Assert.Null(Defaults.FromActivity("Task", Record("Other", "Lunch"), Owner));

    [Fact]
    public void FromActivity_EmailOpen_TakesTheSubjectGroupContactAndTime()
    {
        var signal = Defaults.FromActivity("Task", Record("Email", "Email opened: Q4 launch"), Owner)!.Value;

        Assert.Equal(new Signal(SignalKind.EmailOpen, new DateTimeOffset(2026, 11, 19, 10, 0, 0, TimeSpan.Zero), "003000000000001AAA", "Q4 launch"), signal);
    }

    [Fact]
    public void FromActivity_Event_UsesStartDateTime() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 11, 0, 0, TimeSpan.Zero), Defaults.FromActivity("Event", Record("Meeting", "Intro"), Owner)!.Value.At);

    [Fact]
    public void FromActivity_WhoIsALead_HasNoContact() => Assert.Null(Defaults.FromActivity("Task", Record(null, "Web visit", who: "00Q000000000001AAA"), Owner)!.Value.ContactId);

    [Theory]
    [InlineData("003000000000001AAA", "VP Sales", Seniority.VicePresident)]
    [InlineData("003000000000001AAA", "Account Executive", Seniority.Staff)]
    [InlineData("003000000000001AAA", null, null)]
    [InlineData("00Q000000000001AAA", "Chief Executive Officer", null)]
    public void FromActivity_WhoTitle_GivesTheContactsLevel(string who, string? title, Seniority? level)
    {
        // Task.Who is polymorphic; Salesforce's Name object has Title, so the query selects Who.Title and the record
        // nests it as { "Who": { "Title": ... } } (REST) or a "Who.Title" column (Bulk, nested by BulkRow.ToRecord).
        var record = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["Type"] = "Email", ["Subject"] = "RE: pricing", ["OwnerId"] = "005000000000MKTAAA", ["WhoId"] = who,
            ["Who"] = title is null ? null : new Dictionary<string, string> { ["Title"] = title },
            ["CreatedDate"] = "2026-11-19T10:00:00.000+0000",
        });

        var signal = Defaults.FromActivity("Task", record, Owner)!.Value;

        Assert.Equal(level, signal.Seniority);
    }

    [Fact]
    public void FromCampaignMember_ContactTitle_GivesTheContactsLevel()
    {
        var mapping = new SalesforceSignalMapping { CampaignMemberStatuses = { ["Attended"] = SignalKind.DemoAttended } };
        var record = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["ContactId"] = "003000000000001AAA", ["Status"] = "Attended", ["CreatedDate"] = "2026-11-19T10:00:00.000+0000",
            ["Contact"] = new Dictionary<string, string> { ["AccountId"] = "001000000000001AAA", ["Title"] = "Director of IT" },
            ["Campaign"] = new Dictionary<string, string> { ["Name"] = "Webinar" },
        });

        var signal = new SalesforceSignalMapper(mapping).FromCampaignMember(record)!.Value;

        Assert.Equal((SignalKind.DemoAttended, Seniority.Director), (signal.Kind, signal.Seniority));
    }

    [Fact]
    public void FromActivity_ConfiguredRules_ReplaceTheDefaults()
    {
        var mapping = new SalesforceSignalMapping();
        mapping.ActivityRules.Add(new SalesforceSignalRule { Object = "Task", SubjectPattern = "(?i)^g2 ", Kind = SignalKind.ThirdPartyIntent });
        var mapper = new SalesforceSignalMapper(mapping);

        Assert.Equal(SignalKind.ThirdPartyIntent, mapper.FromActivity("Task", Record(null, "G2 comparison"), Owner)?.Kind);
        Assert.Null(mapper.FromActivity("Task", Record("Call", "Call"), Owner));
    }

    [Fact]
    public void FromCampaignMember_DefaultStatuses_MapAndUseTheCampaignName()
    {
        var record = JsonSerializer.SerializeToElement(new
        {
            Status = "Clicked", ContactId = "003000000000001AAA", CreatedDate = "2026-11-19T10:00:00.000+0000",
            Campaign = new { Name = "Webinar" },
        });

        Assert.Equal(new Signal(SignalKind.EmailClick, new DateTimeOffset(2026, 11, 19, 10, 0, 0, TimeSpan.Zero), "003000000000001AAA", "Webinar"), Defaults.FromCampaignMember(record));
    }

    [Fact]
    public void FromIntent_StrengthOutOfScale_IsClamped()
    {
        var record = JsonSerializer.SerializeToElement(new Dictionary<string, object?> { ["Occurred_At__c"] = "2026-11-19T10:00:00.000Z", ["Topic__c"] = "CRM", ["Strength__c"] = 140 });

        Assert.Equal(1.0, Defaults.FromIntent(record)!.Value.Strength);
    }
}
