using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Signals;
using Alignment.HubSpot.Tests.Support;
using Alignment.Sync.Crm;
using static Alignment.HubSpot.Tests.Support.SeedAccounts;

namespace Alignment.HubSpot.Tests.Crm;

public sealed class HubSpotCrmReadTests
{
    private static readonly DateTimeOffset Since = AsOf.AddDays(-90);

    [Fact]
    public async Task ReadAccountsAsync_SeededSignals_ReadsBackTheSameSignals()
    {
        Signal[] signals =
        [
            At(SignalKind.EmailReply, 1, "c1", "Re: pricing"),
            At(SignalKind.EmailOpen, 2, "c1", "Launch"),
            At(SignalKind.EmailOpen, 3, "c2", "Launch"),
            At(SignalKind.EmailClick, 4, "c2", "Launch"),
            At(SignalKind.MeetingBooked, 5, "c1", "Intro"),
            At(SignalKind.DemoAttended, 6, "c3", "Product demo"),
            At(SignalKind.CallConnected, 7, "c3"),
            At(SignalKind.FormSubmit, 8, "c1", "Contact us"),
            At(SignalKind.FormSubmit, 9, "c1", "Webinar"),
            At(SignalKind.FormSubmit, 10, "c1", "Ebook"),
            At(SignalKind.SalesTouch, 11, "c1", "Following up"),
            At(SignalKind.PricingPageView, 12, "c2"),
            At(SignalKind.WebVisit, 13),
            new(SignalKind.ThirdPartyIntent, AsOf.AddHours(-14), null, null, "crm software", 0.7),
        ];
        var seed = Make("1001", signals);
        await using var host = await HubSpotTestHost.StartAsync([seed]);

        var read = await ReadAllAsync(host.Crm, new CrmReadRequest(null, Since));

        var account = Assert.Single(read).Account;
        Assert.Equal("1001", account.Id);
        Assert.Equal(Normalized(signals, c => c is null ? null : host.Emulator.ContactIdOf(c)), Normalized(account.Signals, c => c));
        Assert.Equal("ae@example.com", account.Owner?.Email);
        Assert.Equal(450, account.Employees);
        Assert.Equal(["Salesforce", "HubSpot"], account.Technologies);
    }

    [Fact]
    public async Task ReadAccountsAsync_SignalsOlderThanSince_AreLeftOut()
    {
        var seed = Make("1001", At(SignalKind.MeetingBooked, 24 * 100), At(SignalKind.EmailReply, 1));
        await using var host = await HubSpotTestHost.StartAsync([seed]);

        var account = Assert.Single(await ReadAllAsync(host.Crm, new CrmReadRequest(null, Since))).Account;

        Assert.Equal([SignalKind.EmailReply], account.Signals.Select(s => s.Kind));
    }

    [Fact]
    public async Task ReadAccountsAsync_CurrentFieldValues_AreMapped()
    {
        var seed = Make("1001") with
        {
            Current = new AlignmentState
            {
                Score = 71, Tier = Core.Tiers.Tier.Tier2, TierLocked = true, HandoffStatus = HandoffStatus.Rejected,
                RejectionReason = RejectionReasons.NotIcp, WrongTier = true,
                HandoffAt = AsOf.AddHours(-3), SlaDue = AsOf.AddHours(1), SlaStatus = Core.Sla.SlaStatus.AtRisk,
            },
        };
        await using var host = await HubSpotTestHost.StartAsync([seed]);

        var current = Assert.Single(await ReadAllAsync(host.Crm, new CrmReadRequest(null, Since))).Account.Current;

        Assert.Equal(seed.Current with { HandoffTier = null }, current);
    }

    [Fact]
    public async Task ReadAccountsAsync_OwnerZonesAndManagersMapped_EachOwnerGetsItsOwnZone()
    {
        var berlin = Make("1001") with { Owner = new Owner("7001", "ae@example.com") };
        var other = Make("1002") with { Owner = new Owner("7002", "se@example.com") };
        await using var host = await HubSpotTestHost.StartAsync([berlin, other], settings: new Dictionary<string, string?>
        {
            ["Alignment:HubSpot:DefaultOwnerTimeZone"] = "America/Chicago",
            ["Alignment:HubSpot:OwnerTimeZones:7001"] = "Europe/Berlin",
            ["Alignment:HubSpot:OwnerManagers:7001"] = "7009",
        });

        var read = await ReadAllAsync(host.Crm, new CrmReadRequest(null, Since));

        Assert.Equal(("Europe/Berlin", "7009"), (read.Single(a => a.Account.Id == "1001").Account.Owner?.TimeZone, read.Single(a => a.Account.Id == "1001").Account.Owner?.ManagerId));
        Assert.Equal(("America/Chicago", (string?)null), (read.Single(a => a.Account.Id == "1002").Account.Owner?.TimeZone, read.Single(a => a.Account.Id == "1002").Account.Owner?.ManagerId));
    }

    [Fact]
    public async Task ReadAccountsAsync_OpenHandoffs_ReadsPendingAndAccepted()
    {
        var pending = Make("1002") with { Current = new AlignmentState { HandoffStatus = HandoffStatus.Pending } };
        var accepted = Make("1004") with { Current = new AlignmentState { HandoffStatus = HandoffStatus.Accepted } };
        var rejected = Make("1005") with { Current = new AlignmentState { HandoffStatus = HandoffStatus.Rejected } };
        await using var host = await HubSpotTestHost.StartAsync([Make("1001"), pending, Make("1003"), accepted, rejected]);

        var read = await ReadAllAsync(host.Crm, new CrmReadRequest(null, Since, CrmAccountFilter.OpenHandoffs));

        Assert.Equal(["1002", "1004"], read.Select(a => a.Account.Id));
    }

    [Fact]
    public async Task ReadAccountsAsync_ModifiedSince_ReadsOnlyCompaniesChangedSince()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(AsOf);
        await using var host = await HubSpotTestHost.StartAsync(Many(3), o => o.Time = clock);
        clock.Advance(TimeSpan.FromHours(1));
        var checkpoint = clock.GetUtcNow();
        host.Emulator.AddSignal("1001", new Signal(SignalKind.EmailReply, checkpoint));

        var read = await ReadAllAsync(host.Crm, new CrmReadRequest(checkpoint, Since));

        var account = Assert.Single(read);
        Assert.Equal("1001", account.Account.Id);
        Assert.Equal(checkpoint, account.LastModifiedAt);
    }

    [Fact]
    public async Task ReadAccountsAsync_MoreResultsThanTheSearchCap_PartitionsByObjectId()
    {
        await using var host = await HubSpotTestHost.StartAsync(
            Many(1000),
            o => { o.SearchResultCap = 400; o.RateLimitMax = 10_000; },
            new Dictionary<string, string?> { ["Alignment:HubSpot:SearchResultCap"] = "400" });

        var read = await ReadAllAsync(host.Crm, new CrmReadRequest(null, Since));

        // Every company exactly once, in ascending id order, across partitions the emulator's cap forces.
        Assert.Equal(Many(1000).Select(a => a.Id), read.Select(a => a.Account.Id));
        var searches = host.Requests.Where(r => r.Uri.AbsolutePath.EndsWith("/search", StringComparison.Ordinal)).ToList();
        Assert.True(searches.Count(r => r.Body!.Contains("\"operator\":\"GT\"", StringComparison.Ordinal)) >= 2);
        Assert.Equal(0, host.Emulator.Counter["throttled"]);
    }

    [Fact]
    public async Task ReadAccountsAsync_OrgLargerThanHubSpots10000Cap_ReadsEveryCompanyOnce()
    {
        await using var host = await HubSpotTestHost.StartAsync(
            Many(10_250),
            o => { o.RateLimitMax = 100_000; o.SearchRequestsPerSecond = 10; },
            new Dictionary<string, string?> { ["Alignment:HubSpot:SearchRequestsPerSecond"] = "5" });

        var read = await ReadAllAsync(host.Crm, new CrmReadRequest(null, Since));

        // The emulator keeps HubSpot's cap (10,000 by default): the read must have restarted after the last id once.
        Assert.Equal(Many(10_250).Select(a => a.Id), read.Select(a => a.Account.Id));
        Assert.Contains(host.Requests, r => r.Body?.Contains("\"propertyName\":\"hs_object_id\",\"operator\":\"GT\"", StringComparison.Ordinal) == true);
        Assert.Equal(0, host.Emulator.Counter["throttled"]);
    }

    [Fact]
    public async Task ReadAccountsAsync_ModifiedSinceWithMoreChangesThanTheCap_ReadsEachChangedCompanyOnce()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(AsOf);
        await using var host = await HubSpotTestHost.StartAsync(
            Many(1500),
            o => { o.SearchResultCap = 400; o.RateLimitMax = 10_000; o.Time = clock; },
            new Dictionary<string, string?> { ["Alignment:HubSpot:SearchResultCap"] = "400" });
        clock.Advance(TimeSpan.FromHours(1));
        var checkpoint = clock.GetUtcNow();
        var changed = Many(1500).Select(a => a.Id).Where((_, i) => i % 3 == 0).ToList();
        foreach (var id in changed)
        {
            host.Emulator.AddSignal(id, new Signal(SignalKind.EmailReply, checkpoint));
        }

        var read = await ReadAllAsync(host.Crm, new CrmReadRequest(checkpoint, Since));

        Assert.Equal(changed, read.Select(a => a.Account.Id));
        Assert.All(host.Requests.Where(r => r.Uri.AbsolutePath.EndsWith("/search", StringComparison.Ordinal)),
            r => Assert.Contains("hs_lastmodifieddate", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAccountsAsync_FirstAccount_ArrivesAfterOneSearchPageNotTheWholeOrg()
    {
        await using var host = await HubSpotTestHost.StartAsync(Many(1000), o => o.RateLimitMax = 10_000);

        await using var accounts = host.Crm.ReadAccountsAsync(new CrmReadRequest(null, Since), TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        Assert.True(await accounts.MoveNextAsync());

        Assert.Equal("1000", accounts.Current.Account.Id);
        Assert.Equal(1, host.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/search", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReadAccountsAsync_AssociationsPagedPerInput_ReadsEveryPage()
    {
        var signals = Enumerable.Range(1, 7).Select(i => At(SignalKind.EmailReply, i, "c" + i)).ToArray();
        await using var host = await HubSpotTestHost.StartAsync([Make("1001", signals), Make("1002", signals[..2])], o => o.AssociationPageSize = 2);

        var read = await ReadAllAsync(host.Crm, new CrmReadRequest(null, Since));

        Assert.Equal([7, 2], read.Select(a => a.Account.Signals.Length));
        Assert.Contains(host.Requests, r => r.Body?.Contains("\"after\":\"2\"", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task GetAccountsAsync_ContactReference_ResolvesToItsCompany()
    {
        await using var host = await HubSpotTestHost.StartAsync([Make("1001", At(SignalKind.EmailReply, 1, "c9")), Make("1002")]);
        var contact = host.Emulator.ContactIdOf("c9");

        var read = await host.Crm.GetAccountsAsync(["contacts:" + contact, "1002", "999999"], Since, TestContext.Current.CancellationToken);

        Assert.Equal(["1001", "1002"], read.Select(a => a.Account.Id).Order());
    }

    [Fact]
    public async Task ReadAccountsAsync_Requests_ConformToTheOpenApiDocuments()
    {
        var validator = new OpenApiRequestValidator();
        await using var host = await HubSpotTestHost.StartAsync([Make("1001", At(SignalKind.EmailReply, 1, "c1"), At(SignalKind.MeetingBooked, 2, "c1"), At(SignalKind.CallConnected, 3, "c2"), At(SignalKind.WebVisit, 4))]);

        await ReadAllAsync(host.Crm, new CrmReadRequest(AsOf.AddDays(-1), Since, CrmAccountFilter.OpenHandoffs));
        await ReadAllAsync(host.Crm, new CrmReadRequest(null, Since));
        await host.Crm.GetAccountsAsync(["1001"], Since, TestContext.Current.CancellationToken);

        Assert.True(host.Requests.Count > 10);
        Assert.Empty(host.Requests.SelectMany(r => validator.Validate(r.Method, r.Uri, r.Body)));
        Assert.All(host.Requests, r => Assert.Equal("Bearer " + HubSpotTestHost.Token, r.Authorization));
        Assert.All(host.Requests, r => Assert.Contains("2026-03", r.Uri.AbsolutePath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAccountsAsync_NumberedVersion_UsesV3AndV4Paths()
    {
        var validator = new OpenApiRequestValidator();
        await using var host = await HubSpotTestHost.StartAsync(
            [Make("1001", At(SignalKind.EmailReply, 1, "c1"))], settings: new Dictionary<string, string?> { ["Alignment:HubSpot:ApiVersion"] = "v3" });

        var read = await ReadAllAsync(host.Crm, new CrmReadRequest(null, Since));

        Assert.Single(Assert.Single(read).Account.Signals);
        Assert.Contains(host.Requests, r => r.Uri.AbsolutePath.StartsWith("/crm/v4/associations/", StringComparison.Ordinal));
        Assert.Contains(host.Requests, r => r.Uri.AbsolutePath == "/crm/v3/objects/companies/search");
        Assert.Empty(host.Requests.SelectMany(r => validator.Validate(r.Method, r.Uri, r.Body)));
    }

    internal static async Task<List<CrmAccount>> ReadAllAsync(ICrm crm, CrmReadRequest request)
    {
        var list = new List<CrmAccount>();
        await foreach (var account in crm.ReadAccountsAsync(request, TestContext.Current.CancellationToken))
        {
            list.Add(account);
        }

        return list;
    }
}
