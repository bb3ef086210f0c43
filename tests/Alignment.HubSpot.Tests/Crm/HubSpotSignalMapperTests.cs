using Alignment.Core.Signals;
using Alignment.HubSpot.Crm;
using Alignment.HubSpot.Wire;

namespace Alignment.HubSpot.Tests.Crm;

public sealed class HubSpotSignalMapperTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly HubSpotObject Company = new("1", new Dictionary<string, string?>());

    private static HubSpotObject Record(string id, params (string Name, string Value)[] properties) =>
        new(id, properties.Append(("hs_timestamp", "2026-11-20T10:00:00.000Z")).ToDictionary(p => p.Item1, p => (string?)p.Item2));

    private static IReadOnlyList<SignalKind> Kinds(HubSpotActivities activities, string? owner = "7", HubSpotSignalMappingOptions? options = null) =>
        [.. new HubSpotSignalMapper(options ?? new()).Map(Company, owner, activities, T.AddDays(-1)).Select(s => s.Kind)];

    private static HubSpotActivities Emails(params HubSpotObject[] emails) => HubSpotActivities.None with { Emails = emails };

    [Fact]
    public void Map_IncomingEmail_IsAReply()
    {
        Assert.Equal([SignalKind.EmailReply], Kinds(Emails(Record("1", ("hs_email_direction", "INCOMING_EMAIL"), ("hubspot_owner_id", "7")))));
    }

    [Fact]
    public void Map_OwnersOutboundEmailThatWasOpened_IsASalesTouchAndAnOpen()
    {
        Assert.Equal(
            [SignalKind.EmailOpen, SignalKind.SalesTouch],
            Kinds(Emails(Record("1", ("hs_email_direction", "EMAIL"), ("hubspot_owner_id", "7"), ("hs_email_open_count", "2")))));
    }

    [Fact]
    public void Map_SomeoneElsesEmail_IsNoSalesTouch()
    {
        Assert.Empty(Kinds(Emails(Record("1", ("hs_email_direction", "EMAIL"), ("hubspot_owner_id", "8")))));
    }

    [Theory]
    [InlineData("COMPLETED", "Demo", SignalKind.DemoAttended)]
    [InlineData("SCHEDULED", "Demo", SignalKind.MeetingBooked)]
    [InlineData("COMPLETED", "Discovery", SignalKind.MeetingBooked)]
    public void Map_Meeting_ByOutcomeAndType(string outcome, string type, SignalKind expected)
    {
        var meeting = Record("1", ("hs_meeting_outcome", outcome), ("hs_activity_type", type));

        Assert.Equal([expected], Kinds(HubSpotActivities.None with { Meetings = [meeting] }));
    }

    [Fact]
    public void Map_CanceledMeeting_IsNothing()
    {
        Assert.Empty(Kinds(HubSpotActivities.None with { Meetings = [Record("1", ("hs_meeting_outcome", "CANCELED"))] }));
    }

    [Fact]
    public void Map_ConnectedOutboundCallByTheOwner_IsConnectedAndASalesTouch()
    {
        var call = Record("1", ("hs_call_direction", "OUTBOUND"), ("hs_call_disposition", "f240bbac-87c9-4f6e-bf70-924b57d47db7"), ("hubspot_owner_id", "7"));

        Assert.Equal([SignalKind.CallConnected, SignalKind.SalesTouch], Kinds(HubSpotActivities.None with { Calls = [call] }));
    }

    [Fact]
    public void Map_NoteMarker_ParsesKindTopicAndStrength()
    {
        var note = Record("1", ("hs_note_body", "<p>[alignment:ThirdPartyIntent topic=crm%20software strength=0.4] from Bombora</p>"));

        var signal = Assert.Single(new HubSpotSignalMapper(new()).Map(Company, null, HubSpotActivities.None with { Notes = [note] }, T.AddDays(-1)));

        Assert.Equal(new Signal(SignalKind.ThirdPartyIntent, T, null, null, "crm software", 0.4), signal);
    }

    [Fact]
    public void Map_PlainNote_IsNothing()
    {
        Assert.Empty(Kinds(HubSpotActivities.None with { Notes = [Record("1", ("hs_note_body", "Called, left a voicemail"))] }));
    }

    [Fact]
    public void Map_ContactConversions_AreFormSubmits()
    {
        var contact = new HubSpotObject("55", new Dictionary<string, string?>
        {
            ["first_conversion_date"] = "2026-11-19T10:00:00Z", ["recent_conversion_date"] = "1795168800000",
        });

        var signals = new HubSpotSignalMapper(new()).Map(Company, null, HubSpotActivities.None with { Contacts = [contact] }, T.AddDays(-2));

        Assert.Equal([SignalKind.FormSubmit, SignalKind.FormSubmit], signals.Select(s => s.Kind));
        Assert.All(signals, s => Assert.Equal("55", s.ContactId));
    }

    [Fact]
    public void Map_MappingSwitchedOff_ProducesNothing()
    {
        var options = new HubSpotSignalMappingOptions { IncomingEmailIsReply = false, OwnerActivitiesAreSalesTouches = false };

        Assert.Empty(Kinds(Emails(Record("1", ("hs_email_direction", "INCOMING_EMAIL")), Record("2", ("hs_email_direction", "EMAIL"), ("hubspot_owner_id", "7"))), options: options));
    }
}
