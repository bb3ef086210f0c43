using Alignment.Core.Handoffs;
using Alignment.Core.Signals;
using Alignment.Core.Snapshots;
using Alignment.Core.Tiers;

namespace Alignment.Core.Tests.Snapshots;

public sealed class SnapshotReaderTests
{
    private const string DocumentedExample = """
        { "asOf": "2026-11-20T15:00:00Z",
          "accounts": [ {
            "id": "001A000001abcDE", "name": "Acme", "employees": 450, "industry": "Software",
            "annualRevenue": 80000000, "country": "US", "technologies": ["Salesforce"],
            "owner": { "id": "005A0000001xyZ", "email": "ae@example.com", "timeZone": "America/New_York" },
            "current": { "tier": "Tier2", "tierLocked": false, "handoffStatus": "None",
                         "handoffAt": null, "handoffTier": null, "slaDue": null, "firstResponseAt": null },
            "signals": [ { "kind": "PricingPageView", "at": "2026-11-19T10:00:00Z", "contactId": "003A01",
                           "subject": null, "strength": null } ] } ] }
        """;

    [Fact]
    public void Read_DocumentedExample_AllFields()
    {
        var result = SnapshotReader.Read(DocumentedExample);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero), result.AsOf);
        var account = Assert.Single(result.Accounts);
        Assert.Equal(("001A000001abcDE", "Acme", 450, "Software", 80000000m, "US"),
            (account.Id, account.Name, account.Employees, account.Industry, account.AnnualRevenue, account.Country));
        Assert.Equal(["Salesforce"], account.Technologies);
        Assert.Equal(("005A0000001xyZ", "America/New_York"), (account.Owner!.Id, account.Owner.TimeZone));
        Assert.Equal((Tier.Tier2, false, HandoffStatus.None), (account.Current.Tier, account.Current.TierLocked, account.Current.HandoffStatus));
        Assert.Equal(new Signal(SignalKind.PricingPageView, new DateTimeOffset(2026, 11, 19, 10, 0, 0, TimeSpan.Zero), "003A01"), Assert.Single(account.Signals));
    }

    [Fact]
    public void Read_InstantWithOffset_ConvertedToUtc()
    {
        var json = """{ "accounts": [ { "id": "a", "signals": [ { "kind": "WebVisit", "at": "2026-11-19T10:00:00+02:00" } ] } ] }""";

        var at = Assert.Single(Assert.Single(SnapshotReader.Read(json).Accounts).Signals).At;

        Assert.Equal(TimeSpan.Zero, at.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 8, 0, 0, TimeSpan.Zero), at);
    }

    [Fact]
    public void Read_AccountsKeptInInputOrder()
    {
        var json = """{ "accounts": [ { "id": "b" }, { "id": "a" }, { "id": "c" } ] }""";

        Assert.Equal(["b", "a", "c"], SnapshotReader.Read(json).Accounts.Select(a => a.Id));
    }

    [Theory]
    [InlineData("""{ "accounts": [ { "id": "a" }, { "name": "no id" } ] }""", "$.accounts[1].id")]
    [InlineData("""{ "accounts": [ { "id": "a", "signals": [ { "kind": "WebVisit", "at": "2026-11-19T10:00:00Z" }, { "kind": "Webinar", "at": "2026-11-19T10:00:00Z" } ] } ] }""", "$.accounts[0].signals[1].kind")]
    [InlineData("""{ "accounts": [ { "id": "a", "signals": [ { "kind": "WebVisit", "at": "yesterday" } ] } ] }""", "$.accounts[0].signals[0].at")]
    [InlineData("""{ "accounts": [ { "id": "a", "signals": [ { "kind": "WebVisit", "at": "2026-11-19T10:00:00" } ] } ] }""", "$.accounts[0].signals[0].at")]
    [InlineData("""{ "accounts": [ { "id": "a", "signals": [ { "kind": "ThirdPartyIntent", "at": "2026-11-19T10:00:00Z", "strength": 1.5 } ] } ] }""", "$.accounts[0].signals[0].strength")]
    [InlineData("""{ "accounts": [ { "id": "a", "signals": [ { "kind": "MeetingBooked", "at": "2026-11-19T10:00:00Z", "seniority": "CEO" } ] } ] }""", "$.accounts[0].signals[0].seniority")]
    [InlineData("""{ "accounts": [ { "id": "a", "signals": [ { "kind": "MeetingBooked", "at": "2026-11-19T10:00:00Z", "seniority": "3" } ] } ] }""", "$.accounts[0].signals[0].seniority")]
    [InlineData("""{ "accounts": [ { "id": "a", "current": { "tier": "Tier4" } } ] }""", "$.accounts[0].current.tier")]
    [InlineData("""{ "accounts": [ { "id": "a", "employees": "many" } ] }""", "$.accounts[0].employees")]
    [InlineData("""{ "accounts": [ { "id": "a" }, { "id": "a" } ] }""", "$.accounts[1].id")]
    [InlineData("""{ "asOf": "2026-13-01T00:00:00Z", "accounts": [] }""", "$.asOf")]
    [InlineData("""{ "accounts": [ { "id": "a", "owner": { "id": "o", "timeZone": "Mars/Phobos" } } ] }""", "$.accounts[0].owner.timeZone")]
    [InlineData("""{ "accounts": {} }""", "$.accounts")]
    [InlineData("""{ "asOf": "2026-11-20T15:00:00Z" }""", "$.accounts")]
    public void Read_BadEntry_ErrorNamesItsPath(string json, string path)
    {
        var result = SnapshotReader.Read(json);

        Assert.False(result.IsValid);
        Assert.Equal(path, Assert.Single(result.Errors).Path);
        Assert.Empty(result.Accounts);
    }

    [Theory]
    [InlineData(""" "seniority": "VicePresident" """, Seniority.VicePresident)]
    [InlineData(""" "contactTitle": "Chief Financial Officer" """, Seniority.Executive)]
    [InlineData(""" "seniority": "Manager", "contactTitle": "CEO" """, Seniority.Manager)]
    [InlineData(""" "seniority": null """, null)]
    [InlineData(""" "contactTitle": "" """, null)]
    public void Read_SignalSeniority_ALevelOrAJobTitle(string member, Seniority? expected)
    {
        var json = $$"""{ "accounts": [ { "id": "a", "signals": [ { "kind": "MeetingBooked", "at": "2026-11-19T10:00:00Z", "contactId": "003A", {{member}} } ] } ] }""";

        var result = SnapshotReader.Read(json);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(expected, Assert.Single(Assert.Single(result.Accounts).Signals).Seniority);
    }

    [Fact]
    public void Read_MalformedJson_GivesTheLine()
    {
        var error = Assert.Single(SnapshotReader.Read("{ \"accounts\": [ { \"id\": \"a\" },\n { \"id\": \"b\" \n ] }").Errors);

        Assert.Equal("$.accounts[1].id", error.Path);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownMembers_Ignored()
    {
        var json = """{ "source": "test", "accounts": [ { "id": "a", "website": "acme.example", "signals": [ { "kind": "WebVisit", "at": "2026-11-19T10:00:00Z", "url": "/pricing" } ] } ] }""";

        Assert.True(SnapshotReader.Read(json).IsValid);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("\" \"")]
    public void Read_OwnerWithoutZone_NullZoneMeansTheDefault(string zone)
    {
        var result = SnapshotReader.Read($$"""{ "accounts": [ { "id": "a", "owner": { "id": "o", "timeZone": {{zone}} } } ] }""");

        Assert.True(result.IsValid);
        Assert.Null(result.Accounts[0].Owner!.TimeZone);
    }

    [Fact]
    public void Read_NoAsOf_NullAsOf()
    {
        Assert.Null(SnapshotReader.Read("""{ "accounts": [] }""").AsOf);
    }
}
