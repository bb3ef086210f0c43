using System.Web;
using Alignment.Core.Signals;
using Alignment.HubSpot.Tests.Support;
using Alignment.Sync.Crm;
using static Alignment.HubSpot.Tests.Support.SeedAccounts;

namespace Alignment.HubSpot.Tests.Crm;

/// <summary>
/// Page views from HubSpot's events API (docs/hubspot.md, "Page views") and contacts' job titles (seniority): the
/// request shape of the documented <c>GET /events/event-occurrences/{version}</c>, who is asked, paging, and a portal
/// without the events API.
/// </summary>
public sealed class HubSpotPageViewTests
{
    private static readonly DateTimeOffset Since = AsOf.AddDays(-30);

    [Fact]
    public async Task Read_ContactsPageViews_PricingPageIsPricingPageViewAndOtherPagesWebVisits()
    {
        var seed = Make("1001",
            At(SignalKind.PricingPageView, 3, "c1"), At(SignalKind.PricingPageView, 5, "c1"), At(SignalKind.WebVisit, 7, "c2"),
            At(SignalKind.EmailReply, 9, "c3", "Re: hello"));
        await using var host = await HubSpotTestHost.StartAsync([seed, Make("1002", At(SignalKind.EmailReply, 2, "c4", "Re: hi"))]);

        var read = await HubSpotCrmReadTests.ReadAllAsync(host.Crm, new CrmReadRequest(null, Since));

        var account = read.Single(a => a.Account.Id == "1001").Account;
        Assert.Equal(
            [(SignalKind.WebVisit, AsOf.AddHours(-7), host.Emulator.ContactIdOf("c2")),
             (SignalKind.PricingPageView, AsOf.AddHours(-5), host.Emulator.ContactIdOf("c1")), (SignalKind.PricingPageView, AsOf.AddHours(-3), host.Emulator.ContactIdOf("c1"))],
            account.Signals.Where(s => s.Kind is SignalKind.PricingPageView or SignalKind.WebVisit).Select(s => (s.Kind, s.At, s.ContactId)).OrderBy(s => s.Kind).ThenBy(s => s.At));
        // One call for the company whose contacts visited in the window (1002's contact only replied to an email): the
        // page views of the contacts whose primary company it is.
        var events = Assert.Single(host.Requests, r => r.Uri.AbsolutePath == "/events/event-occurrences/2026-03");
        var query = HttpUtility.ParseQueryString(events.Uri.Query);
        Assert.Equal(("contact", "1001", "e_visited_page", "100"), (query["objectType"], query["objectProperty.associatedcompanyid"], query["eventType"], query["limit"]));
        Assert.Null(query["objectId"]);
        Assert.Equal(Since, DateTimeOffset.Parse(query["occurredAfter"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Read_ContactOfTwoCompanies_PageViewsCountAtItsPrimaryCompanyOnly()
    {
        // c1 is seeded on 1001 first (its primary company), then appears on 1002 too.
        await using var host = await HubSpotTestHost.StartAsync(
            [Make("1001", At(SignalKind.PricingPageView, 3, "c1")), Make("1002", At(SignalKind.EmailReply, 2, "c1", "Re: x"))]);

        var read = await HubSpotCrmReadTests.ReadAllAsync(host.Crm, new CrmReadRequest(null, Since));

        Assert.Contains(read.Single(a => a.Account.Id == "1001").Account.Signals, s => s.Kind == SignalKind.PricingPageView);
        Assert.DoesNotContain(read.Single(a => a.Account.Id == "1002").Account.Signals, s => s.Kind == SignalKind.PricingPageView);
        // 1002 is not c1's primary company: no call is made for it.
        var call = Assert.Single(host.Requests, r => r.Uri.AbsolutePath.StartsWith("/events/", StringComparison.Ordinal));
        Assert.Equal(host.Emulator.CompanyIdOf("1001"), HttpUtility.ParseQueryString(call.Uri.Query)["objectProperty.associatedcompanyid"]);
    }

    [Fact]
    public async Task Read_PricingSurgeOnHubSpot_FiresTheDefaultRuleFromPageViews()
    {
        // pricing-surge (docs/handoff-sla.md): Tier 1 or 2 and three pricing page views in 7 days.
        var seed = Make("1001", At(SignalKind.PricingPageView, 2, "c1"), At(SignalKind.PricingPageView, 26, "c1"), At(SignalKind.PricingPageView, 50, "c2"));
        await using var host = await HubSpotTestHost.StartAsync([seed]);

        var account = Assert.Single(await HubSpotCrmReadTests.ReadAllAsync(host.Crm, new CrmReadRequest(null, Since))).Account;
        var rule = Alignment.Core.Handoffs.HandoffRules.Default.Rules.Single(r => r.Id == "pricing-surge");

        Assert.True(rule.IsMatchedBy(account.Signals, AsOf, null));
    }

    [Fact]
    public async Task Read_MoreThan100PageViews_FollowsTheAfterCursor()
    {
        var seed = Make("1001", [.. Enumerable.Range(1, 130).Select(i => At(SignalKind.PricingPageView, i, "c1"))]);
        await using var host = await HubSpotTestHost.StartAsync([seed]);

        var account = Assert.Single(await HubSpotCrmReadTests.ReadAllAsync(host.Crm, new CrmReadRequest(null, Since))).Account;

        Assert.Equal(130, account.Signals.Count(s => s.Kind == SignalKind.PricingPageView));
        var events = host.Requests.Where(r => r.Uri.AbsolutePath.StartsWith("/events/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal("100", HttpUtility.ParseQueryString(events[1].Uri.Query)["after"]);
    }

    [Fact]
    public async Task Read_PortalWithoutTheEventsApi_ReadsTheRestAndStopsAskingAfterOne403()
    {
        var seed = Make("1001", At(SignalKind.PricingPageView, 3, "c1"), At(SignalKind.EmailReply, 4, "c1", "Re: hi"));
        await using var host = await HubSpotTestHost.StartAsync([seed, Make("1002", At(SignalKind.WebVisit, 2, "c9"))]);
        host.Emulator.Faults.EventsUnavailable = true;

        var first = await HubSpotCrmReadTests.ReadAllAsync(host.Crm, new CrmReadRequest(null, Since));
        var second = await HubSpotCrmReadTests.ReadAllAsync(host.Crm, new CrmReadRequest(null, Since));

        Assert.Equal(2, first.Count);
        Assert.Contains(first.Single(a => a.Account.Id == "1001").Account.Signals, s => s.Kind == SignalKind.EmailReply);
        Assert.DoesNotContain(first.SelectMany(a => a.Account.Signals), s => s.Kind is SignalKind.PricingPageView or SignalKind.WebVisit);
        Assert.Equal(2, second.Count);
        Assert.Single(host.Requests, r => r.Uri.AbsolutePath.StartsWith("/events/", StringComparison.Ordinal));
        var warning = Assert.Single(host.Logs.GetSnapshot(), l => l.Id.Id == 5009);
        Assert.Contains("Enterprise", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Alignment:HubSpot:Mapping:PageViews", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_PageViewsOff_MakesNoEventsCall()
    {
        var seed = Make("1001", At(SignalKind.PricingPageView, 3, "c1"));
        await using var host = await HubSpotTestHost.StartAsync([seed], settings: new Dictionary<string, string?> { ["Alignment:HubSpot:Mapping:PageViews"] = "false" });

        var account = Assert.Single(await HubSpotCrmReadTests.ReadAllAsync(host.Crm, new CrmReadRequest(null, Since))).Account;

        Assert.Empty(account.Signals);
        Assert.DoesNotContain(host.Requests, r => r.Uri.AbsolutePath.StartsWith("/events/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_OwnPricingPattern_OnlyThoseAddressesArePricingViews()
    {
        var seed = Make("1001", At(SignalKind.PricingPageView, 3, "c1"));
        await using var host = await HubSpotTestHost.StartAsync([seed], settings: new Dictionary<string, string?>
        {
            ["Alignment:HubSpot:Mapping:PricingPagePattern"] = "/plans$",
            ["Alignment:HubSpot:Mapping:OtherPageViewsAreWebVisits"] = "false",
        });

        var account = Assert.Single(await HubSpotCrmReadTests.ReadAllAsync(host.Crm, new CrmReadRequest(null, Since))).Account;

        Assert.Empty(account.Signals);
    }

    [Fact]
    public async Task Read_NumberedApiVersion_UsesTheV3EventsPath()
    {
        var seed = Make("1001", At(SignalKind.PricingPageView, 3, "c1"));
        await using var host = await HubSpotTestHost.StartAsync([seed], settings: new Dictionary<string, string?> { ["Alignment:HubSpot:ApiVersion"] = "v3" });

        var account = Assert.Single(await HubSpotCrmReadTests.ReadAllAsync(host.Crm, new CrmReadRequest(null, Since))).Account;

        Assert.Equal(SignalKind.PricingPageView, Assert.Single(account.Signals).Kind);
        Assert.Contains(host.Requests, r => r.Uri.AbsolutePath == "/events/v3/events");
    }

    [Theory]
    [InlineData(Seniority.Executive)]
    [InlineData(Seniority.VicePresident)]
    [InlineData(Seniority.Director)]
    [InlineData(Seniority.Manager)]
    [InlineData(Seniority.Staff)]
    public async Task Read_ContactsJobTitle_GivesTheirSignalsTheSeniority(Seniority seniority)
    {
        var seed = Make("1001",
            At(SignalKind.MeetingBooked, 3, "c1") with { Seniority = seniority },
            At(SignalKind.PricingPageView, 4, "c1") with { Seniority = seniority },
            At(SignalKind.EmailReply, 5, "c2", "Re: x"));
        await using var host = await HubSpotTestHost.StartAsync([seed]);

        var account = Assert.Single(await HubSpotCrmReadTests.ReadAllAsync(host.Crm, new CrmReadRequest(null, Since))).Account;

        Assert.All(account.Signals.Where(s => s.ContactId == host.Emulator.ContactIdOf("c1")), s => Assert.Equal(seniority, s.Seniority));
        Assert.Null(Assert.Single(account.Signals, s => s.Kind == SignalKind.EmailReply).Seniority);
        Assert.Equal(2, account.Signals.Count(s => s.Seniority == seniority));
    }

    [Fact]
    public async Task Read_ContactTitlesOff_SignalsHaveNoSeniority()
    {
        var seed = Make("1001", At(SignalKind.MeetingBooked, 3, "c1") with { Seniority = Seniority.Executive });
        await using var host = await HubSpotTestHost.StartAsync([seed], settings: new Dictionary<string, string?> { ["Alignment:HubSpot:Mapping:ContactTitles"] = "false" });

        var account = Assert.Single(await HubSpotCrmReadTests.ReadAllAsync(host.Crm, new CrmReadRequest(null, Since))).Account;

        Assert.Null(Assert.Single(account.Signals).Seniority);
    }
}
