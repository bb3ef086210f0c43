using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Signals;
using Alignment.Core.Tiers;
using Alignment.Salesforce.Tests.Support;
using Alignment.Sync.Crm;

namespace Alignment.Salesforce.Tests.Emulator;

public sealed class SalesforceCrmReadTests
{
    private static readonly DateTimeOffset Since = TestAccounts.AsOf.AddDays(-90);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// One signal of each kind; the main contact's carry a seniority (a level per account, from its job title on the
    /// Contact), the others none.
    /// </summary>
    internal static Signal[] EverySignalKind(int n)
    {
        var at = TestAccounts.AsOf.AddDays(-2);
        var contact = TestAccounts.ContactId(n);
        var level = (Seniority)(1 + (n % 5));
        return [.. Signals().Select(s => s.ContactId == contact ? s with { Seniority = level } : s)];

        IEnumerable<Signal> Signals() =>
        [
            new(SignalKind.WebVisit, at, contact),
            new(SignalKind.PricingPageView, at.AddHours(1), contact),
            new(SignalKind.ContentDownload, at.AddHours(2)),
            new(SignalKind.AdClick, at.AddHours(3), contact),
            new(SignalKind.EmailOpen, at.AddHours(4), contact, "Q4 launch"),
            new(SignalKind.EmailClick, at.AddHours(5), contact, "Q4 launch"),
            new(SignalKind.EmailClick, at.AddHours(5.5), null, "No contact"),
            new(SignalKind.ThirdPartyIntent, at.AddHours(6), Topic: "CRM software", Strength: 0.75),
            new(SignalKind.EmailReply, at.AddHours(7), contact, "Pricing question"),
            new(SignalKind.MeetingBooked, at.AddHours(8), contact),
            new(SignalKind.DemoAttended, at.AddHours(9), TestAccounts.ContactId(n + 1000)),
            new(SignalKind.CallConnected, at.AddHours(10), contact),
            new(SignalKind.FormSubmit, at.AddHours(11), contact),
            new(SignalKind.SalesTouch, at.AddHours(12), contact),
        ];
    }

    [Fact]
    public async Task ReadAccountsAsync_ContactTitlesOff_SignalsHaveNoSeniority()
    {
        await using var host = await SalesforceTestHost.StartAsync([TestAccounts.Make(1, EverySignalKind(1))],
            s => s["Alignment:Salesforce:Signals:ContactTitles"] = "false");

        var account = Assert.Single(await host.Crm.ReadAccountsAsync(new CrmReadRequest(null, Since), Ct).ToListAsync(Ct)).Account;

        Assert.Equal(EverySignalKind(1).Length, account.Signals.Length);
        Assert.All(account.Signals, s => Assert.Null(s.Seniority));
    }

    [Fact]
    public async Task ReadAccountsAsync_SeededAccounts_ReadsBackFirmographicsOwnerStateAndEverySignal()
    {
        var seeded = new[]
        {
            TestAccounts.Make(1, EverySignalKind(1)) with
            {
                Current = new AlignmentState { Score = 72, Fit = 80, Tier = Tier.Tier2, TierLocked = true, HandoffStatus = HandoffStatus.Pending, HandoffAt = TestAccounts.AsOf.AddHours(-3), ModelVersion = "2026.4" },
            },
            TestAccounts.Make(2),
        };
        await using var host = await SalesforceTestHost.StartAsync(seeded);

        var read = await host.Crm.ReadAccountsAsync(new CrmReadRequest(null, Since), Ct).ToListAsync(Ct);

        Assert.Equal(2, read.Count);
        var first = read.Single(a => a.Account.Id == TestAccounts.Id(1)).Account;
        var expected = seeded[0];
        Assert.Equal((expected.Name, expected.Employees, expected.Industry, expected.AnnualRevenue, expected.Country), (first.Name, first.Employees, first.Industry, first.AnnualRevenue, first.Country));
        Assert.Equal(expected.Technologies, first.Technologies);
        Assert.Equal(expected.Owner, first.Owner);
        Assert.Equal(expected.Current, first.Current);
        Assert.Equal(TestAccounts.Sorted(expected.Signals), TestAccounts.Sorted(first.Signals));
        Assert.Empty(read.Single(a => a.Account.Id == TestAccounts.Id(2)).Account.Signals);
    }

    [Fact]
    public async Task ReadAccountsAsync_SignalsOlderThanSignalsSince_AreNotRead()
    {
        var old = new Signal(SignalKind.WebVisit, Since.AddDays(-1));
        var recent = new Signal(SignalKind.PricingPageView, Since.AddDays(1));
        await using var host = await SalesforceTestHost.StartAsync([TestAccounts.Make(1, old, recent)]);

        var account = Assert.Single(await host.Crm.ReadAccountsAsync(new CrmReadRequest(null, Since), Ct).ToListAsync(Ct));

        Assert.Equal([recent], account.Account.Signals);
    }

    [Fact]
    public async Task ReadAccountsAsync_MoreAccountsThanOnePage_FollowsNextRecordsUrl()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(4_500));

        var ids = await host.Crm.ReadAccountsAsync(new CrmReadRequest(null, Since), Ct).Select(a => a.Account.Id).ToListAsync(Ct);

        Assert.Equal(4_500, ids.Distinct().Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        var accountPages = 3;
        var campaignQueries = (int)Math.Ceiling(2_000 / 300.0) * 2 + (int)Math.Ceiling(500 / 300.0);
        Assert.Equal(accountPages + campaignQueries, host.Emulator.Requests.Reads);
    }

    [Fact]
    public async Task ReadAccountsAsync_ChildSetLargerThanOnePage_FollowsTheChildNextRecordsUrl()
    {
        var signals = Enumerable.Range(0, 450).Select(i => new Signal(SignalKind.WebVisit, TestAccounts.AsOf.AddMinutes(-i))).ToArray();
        await using var host = await SalesforceTestHost.StartAsync([TestAccounts.Make(1, signals)]);

        var account = Assert.Single(await host.Crm.ReadAccountsAsync(new CrmReadRequest(null, Since), Ct).ToListAsync(Ct));

        Assert.Equal(450, account.Account.Signals.Length);
        Assert.Equal(1 + 1 + 1, host.Emulator.Requests.Reads); // account page, the rest of the Tasks, CampaignMember query
    }

    [Fact]
    public async Task ReadAccountsAsync_ModifiedSince_ReadsOnlyAccountsWhoseRecordOrActivitiesChanged()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestAccounts.AsOf);
        var options = new Sandbox.Salesforce.SalesforceEmulatorOptions { PublicKeyPem = TestKeys.PublicKeyPem, TimeProvider = time };
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(5), emulatorOptions: options, timeProvider: time);
        time.Advance(TimeSpan.FromMinutes(10));
        var checkpoint = time.GetUtcNow();
        Assert.Empty(await host.Crm.ReadAccountsAsync(new CrmReadRequest(checkpoint, Since), Ct).ToListAsync(Ct));

        time.Advance(TimeSpan.FromMinutes(1));
        host.Emulator.SetAccountField(TestAccounts.Id(2), "Alignment_Tier_Locked__c", true);
        host.Emulator.AddSignal(TestAccounts.Id(4), new Signal(SignalKind.SalesTouch, time.GetUtcNow()));
        host.Emulator.AddSignal(TestAccounts.Id(5), new Signal(SignalKind.EmailClick, time.GetUtcNow(), TestAccounts.ContactId(5), "Webinar"));

        var changed = await host.Crm.ReadAccountsAsync(new CrmReadRequest(checkpoint, Since), Ct).ToListAsync(Ct);

        Assert.Equal([TestAccounts.Id(2), TestAccounts.Id(4), TestAccounts.Id(5)], changed.Select(a => a.Account.Id).Order(StringComparer.Ordinal));
        Assert.All(changed, a => Assert.True(a.LastModifiedAt >= checkpoint));
        Assert.Equal(SignalKind.SalesTouch, Assert.Single(changed.Single(a => a.Account.Id == TestAccounts.Id(4)).Account.Signals).Kind);
    }

    [Fact]
    public async Task ReadAccountsAsync_CheckpointJustAfterTheNewestRead_StillReadsAChangeLaterInThatSecond()
    {
        // A run that read everything resumes just after the newest instant it read (ScoringRunJob); SOQL compares
        // SystemModstamp to the second, so an account changed later within that second is read by the next run.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestAccounts.AsOf);
        var options = new Sandbox.Salesforce.SalesforceEmulatorOptions { PublicKeyPem = TestKeys.PublicKeyPem, TimeProvider = time };
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(5), emulatorOptions: options, timeProvider: time);
        time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromMilliseconds(200));
        host.Emulator.SetAccountField(TestAccounts.Id(2), "Alignment_Tier_Locked__c", true);
        var first = await host.Crm.ReadAccountsAsync(new CrmReadRequest(TestAccounts.AsOf.AddMinutes(5), Since), Ct).ToListAsync(Ct);
        var checkpoint = Assert.Single(first).LastModifiedAt.AddTicks(1);

        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(checkpoint.UtcTicks / TimeSpan.TicksPerSecond, time.GetUtcNow().UtcTicks / TimeSpan.TicksPerSecond); // the same second
        host.Emulator.SetAccountField(TestAccounts.Id(3), "Alignment_Tier_Locked__c", true);
        var next = await host.Crm.ReadAccountsAsync(new CrmReadRequest(checkpoint, Since), Ct).ToListAsync(Ct);

        Assert.Contains(TestAccounts.Id(3), next.Select(a => a.Account.Id));
    }

    [Fact]
    public async Task ReadAccountsAsync_OpenHandoffs_ReadsPendingAndAcceptedHandoffs()
    {
        // Accepting does not stop the SLA clock (docs/handoff-sla.md, Lifecycle); Rejected and Recycled are closed.
        var accounts = TestAccounts.Many(5).Select((a, i) => a with
        {
            Current = new AlignmentState
            {
                HandoffStatus = i switch
                {
                    0 => HandoffStatus.Pending, 1 => HandoffStatus.Accepted, 2 => HandoffStatus.Rejected, 3 => HandoffStatus.Recycled, _ => HandoffStatus.None,
                },
            },
        });
        await using var host = await SalesforceTestHost.StartAsync(accounts);

        var open = await host.Crm.ReadAccountsAsync(new CrmReadRequest(null, Since, CrmAccountFilter.OpenHandoffs), Ct).ToListAsync(Ct);

        Assert.Equal([TestAccounts.Id(1), TestAccounts.Id(2)], open.Select(a => a.Account.Id));
    }

    [Fact]
    public async Task ReadAccountsAsync_RepsFeedback_ReasonAndWrongTierFlagRead()
    {
        var accounts = TestAccounts.Many(3).Select((a, i) => a with
        {
            Current = new AlignmentState
            {
                HandoffStatus = i == 2 ? HandoffStatus.Accepted : HandoffStatus.Rejected,
                HandoffAt = TestAccounts.AsOf.AddDays(-2),
                RejectionReason = i switch { 0 => RejectionReasons.WrongTiming, 1 => RejectionReasons.Duplicate, _ => null },
                WrongTier = i == 2,
            },
        });
        await using var host = await SalesforceTestHost.StartAsync(accounts);

        var read = await host.Crm.ReadAccountsAsync(new CrmReadRequest(null, Since), Ct).ToListAsync(Ct);

        Assert.Equal(
            [(RejectionReasons.WrongTiming, false), (RejectionReasons.Duplicate, false), ((string?)null, true)],
            read.OrderBy(a => a.Account.Id, StringComparer.Ordinal).Select(a => (a.Account.Current!.RejectionReason, a.Account.Current.WrongTier)));
    }

    [Fact]
    public async Task WriteAsync_HumansFieldsInAWrite_AreNeverSent()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(1));
        var id = TestAccounts.Id(1);
        var write = new AccountWrite(id, new AlignmentState { Score = 50, RejectionReason = RejectionReasons.Other, WrongTier = true },
            new HashSet<AlignmentField> { AlignmentField.Score, AlignmentField.RejectionReason, AlignmentField.WrongTier });

        await host.Crm.WriteAsync([write], Ct);

        var current = (await host.Crm.GetAccountsAsync([id], Since, Ct)).Single().Account.Current!;
        Assert.Equal((50, (string?)null, false), (current.Score, current.RejectionReason, current.WrongTier));
    }

    [Fact]
    public async Task GetAccountsAsync_UnknownAndMalformedIds_AreLeftOut()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(3));

        var read = await host.Crm.GetAccountsAsync([TestAccounts.Id(3), TestAccounts.Id(77), "001' OR Name != '"], Since, Ct);

        Assert.Equal([TestAccounts.Id(3)], read.Select(a => a.Account.Id));
    }

    [Fact]
    public async Task GetAccountsAsync_TwoThousandIds_OneCompositeQueryPerListAndOneCampaignQuery()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(2000));
        var ids = Enumerable.Range(1, 2000).Select(TestAccounts.Id).ToList();
        host.Emulator.ResetRequestCounts();

        var read = await host.Crm.GetAccountsAsync(ids, Since, Ct);

        Assert.Equal(ids.Order(StringComparer.Ordinal), read.Select(a => a.Account.Id).Order(StringComparer.Ordinal));
        // accounts in one Composite query (its 2,000-id IN list is far past a GET URI), their CampaignMembers in one more
        Assert.Equal(2, host.Emulator.Requests.Reads);
    }

    [Fact]
    public async Task GetAccountsAsync_MoreIdsThanOneList_SplitAtNamedIdChunkSize()
    {
        await using var host = await SalesforceTestHost.StartAsync(
            TestAccounts.Many(10), s => s["Alignment:Salesforce:NamedIdChunkSize"] = "4");
        host.Emulator.ResetRequestCounts();

        var read = await host.Crm.GetAccountsAsync([.. Enumerable.Range(1, 10).Select(TestAccounts.Id)], Since, Ct);

        Assert.Equal(10, read.Count);
        Assert.Equal(6, host.Emulator.Requests.Reads); // 3 account lists of at most 4, each with its CampaignMember query
    }

    [Fact]
    public async Task ReadAccountsAsync_IntentObjectDisabled_DoesNotQueryIt()
    {
        var signal = new Signal(SignalKind.ThirdPartyIntent, TestAccounts.AsOf, Topic: "CRM", Strength: 0.5);
        await using var host = await SalesforceTestHost.StartAsync(
            [TestAccounts.Make(1, signal)], s => s["Alignment:Salesforce:Signals:IntentObject:Enabled"] = "false");

        var account = Assert.Single(await host.Crm.ReadAccountsAsync(new CrmReadRequest(null, Since), Ct).ToListAsync(Ct));

        Assert.Empty(account.Account.Signals);
    }
}
