using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Signals;
using Alignment.Core.Sla;
using Alignment.Core.Tests.Calendar;
using Alignment.Core.Tiers;

namespace Alignment.Core.Tests.Handoffs;

public sealed class HandoffDecideTests
{
    // Mon 2026-11-16 14:00 EST.
    private static readonly DateTimeOffset AsOf = Utc.At("2026-11-16T19:00:00Z");
    private static readonly SlaClock Clock = new(SlaPolicy.Default);

    private static Account Account(HandoffStatus status, DateTimeOffset? handoffAt = null, string? zone = null, params Signal[] signals) => new()
    {
        Id = "001A000001abcDE",
        Owner = new Owner("005A01", TimeZone: zone),
        Current = AlignmentState.Empty with { HandoffStatus = status, HandoffAt = handoffAt },
        Signals = [.. signals],
    };

    private static readonly Signal Meeting = new(SignalKind.MeetingBooked, Utc.At("2026-11-15T12:00:00Z"), "003A01");

    [Fact]
    public void Decide_NoOpenHandoff_HandsOffAtAsOfWithDueFromTier()
    {
        var decision = HandoffRules.Default.Decide(Account(HandoffStatus.None, signals: Meeting), Tier.Tier1, 90, 60, Clock, AsOf);

        Assert.NotNull(decision);
        Assert.Equal("tier1-meeting", decision.Rule);
        Assert.Equal(AsOf, decision.At);
        Assert.Equal(Tier.Tier1, decision.Tier);
        Assert.Equal(Utc.At("2026-11-16T22:00:00Z"), decision.SlaDue); // 14:00 EST before 15:00 → 17:00 EST
    }

    [Fact]
    public void Decide_OwnerInBerlin_DueInOwnersCalendar()
    {
        // 19:00Z is 20:00 CET, after hours → Tier 1 due at the end of Tue 17 Nov 17:00 CET = 16:00Z.
        var decision = HandoffRules.Default.Decide(Account(HandoffStatus.None, zone: "Europe/Berlin", signals: Meeting), Tier.Tier1, 90, 60, Clock, AsOf);

        Assert.Equal(Utc.At("2026-11-17T16:00:00Z"), decision?.SlaDue);
    }

    [Theory]
    [InlineData(HandoffStatus.Pending)]
    [InlineData(HandoffStatus.Accepted)]
    public void Decide_OpenHandoff_NoNewHandoff(HandoffStatus status)
    {
        Assert.Null(HandoffRules.Default.Decide(Account(status, AsOf.AddDays(-30), null, Meeting), Tier.Tier1, 90, 60, Clock, AsOf));
    }

    [Theory]
    [InlineData(HandoffStatus.Recycled, -1)]
    [InlineData(HandoffStatus.Recycled, 1)]
    [InlineData(HandoffStatus.Accepted, -1)]
    public void Decide_HumanSetStatus_NeverOverwrittenByANewHandoff(HandoffStatus status, int meetingHoursAfterHandoff)
    {
        // The meeting matches tier1-meeting whether it is older or newer than the previous handoff; a new handoff would
        // set the status back to Pending, overwriting the rep's (or the recycle rule's) status.
        var account = Account(status, Meeting.At.AddHours(-meetingHoursAfterHandoff), null, Meeting);

        Assert.Null(HandoffRules.Default.Decide(account, Tier.Tier1, 90, 60, Clock, AsOf));
    }

    [Fact]
    public void Decide_MqaWithoutTier_SixteenBusinessHours()
    {
        Signal[] signals =
        [
            new(SignalKind.EmailReply, Utc.At("2026-11-10T12:00:00Z"), "003A01"),
            new(SignalKind.WebVisit, Utc.At("2026-11-11T12:00:00Z"), "003A02"),
            new(SignalKind.FormSubmit, Utc.At("2026-11-12T12:00:00Z"), "003A02"),
        ];

        var decision = HandoffRules.Default.Decide(Account(HandoffStatus.None, signals: signals), Tier.None, 60, 50, Clock, AsOf);

        Assert.Equal("mqa", decision?.Rule);
        Assert.Equal(Tier.None, decision?.Tier);
        Assert.Equal(Utc.At("2026-11-18T19:00:00Z"), decision?.SlaDue); // Mon 14:00 EST: 3h + 8h Tue + 5h Wed → Wed 14:00
    }

    [Fact]
    public void HandoffRules_DuplicateIds_Throws()
    {
        var rule = HandoffRules.Default.Rules[0];

        Assert.Throws<ArgumentException>(() => new HandoffRules([rule, rule]));
    }
}
