using System.Collections.Immutable;
using Alignment.Core.Signals;
using Alignment.Core.Sla;
using Alignment.Core.Tests.Calendar;
using Alignment.Core.Tiers;

namespace Alignment.Core.Tests.Sla;

/// <summary>
/// One Tier 2 handoff, Mon 2026-11-16 10:00 EST (15:00Z), owner in the default zone America/New_York. Due 4 business
/// hours later at 14:00 EST (19:00Z); at risk after 75 % = 3 h at 13:00 EST (18:00Z); escalation 4 business hours
/// after due: 3 h Mon + 1 h Tue → Tue 10:00 EST (2026-11-17T15:00Z); recycle at the close of the 10th business day
/// after Mon 16th: Mon 2026-11-30 17:00 EST (22:00Z).
/// </summary>
public sealed class SlaClockTests
{
    private static readonly SlaClock Clock = new(SlaPolicy.Default);
    private static readonly OpenHandoff Handoff = new(Utc.At("2026-11-16T15:00:00Z"), Tier.Tier2);

    private static ImmutableArray<Signal> Touches(params string[] instants) =>
        [.. instants.Select(i => new Signal(SignalKind.SalesTouch, Utc.At(i))), new Signal(SignalKind.EmailOpen, Utc.At("2026-11-16T15:30:00Z"))];

    [Theory]
    [InlineData("2026-11-16T15:00:00Z", SlaStatus.OnTrack, "")]
    [InlineData("2026-11-16T17:59:59Z", SlaStatus.OnTrack, "")]
    [InlineData("2026-11-16T18:00:00Z", SlaStatus.AtRisk, "AtRisk")]
    [InlineData("2026-11-16T19:00:00Z", SlaStatus.AtRisk, "AtRisk")]            // exactly at due: not yet past due
    [InlineData("2026-11-16T19:00:01Z", SlaStatus.Breached, "Breached")]
    [InlineData("2026-11-17T14:59:59Z", SlaStatus.Breached, "Breached")]
    [InlineData("2026-11-17T15:00:00Z", SlaStatus.Breached, "Breached,Escalated")]
    public void Assess_Unanswered_StatusAndAlertsOverTime(string asOf, SlaStatus status, string alerts)
    {
        var assessment = Clock.Assess(Handoff, Touches(), null, Utc.At(asOf));

        Assert.Equal(status, assessment.Status);
        Assert.Equal(alerts, string.Join(",", assessment.AlertsDue));
        Assert.Equal(Utc.At("2026-11-16T19:00:00Z"), assessment.Due);
        Assert.Equal(Utc.At("2026-11-16T18:00:00Z"), assessment.AtRiskAt);
        Assert.Equal(Utc.At("2026-11-17T15:00:00Z"), assessment.EscalateAt);
        Assert.Null(assessment.FirstResponseAt);
    }

    [Theory]
    [InlineData("2026-11-16T19:00:00Z", "2026-11-16T20:00:00Z", SlaStatus.Met, "04:00:00")]      // exactly at the deadline
    [InlineData("2026-11-16T15:00:00Z", "2026-11-16T20:00:00Z", SlaStatus.Met, "00:00:00")]      // at the handoff instant
    [InlineData("2026-11-16T16:30:00Z", "2026-11-16T16:30:00Z", SlaStatus.Met, "01:30:00")]      // answered now
    [InlineData("2026-11-16T19:00:01Z", "2026-11-16T20:00:00Z", SlaStatus.Breached, "04:00:01")] // one second late: stays Breached
    public void Assess_Answered_RecordsResponse(string touch, string asOf, SlaStatus status, string businessTime)
    {
        var assessment = Clock.Assess(Handoff, Touches(touch), null, Utc.At(asOf));

        Assert.Equal(status, assessment.Status);
        Assert.Equal(Utc.At(touch), assessment.FirstResponseAt);
        Assert.Equal(Utc.At(touch) - Handoff.HandoffAt, assessment.ResponseTime);
        Assert.Equal(TimeSpan.Parse(businessTime, System.Globalization.CultureInfo.InvariantCulture), assessment.BusinessResponseTime);
        Assert.Empty(assessment.AlertsDue);
    }

    [Fact]
    public void Assess_TouchBeforeHandoff_DoesNotCount()
    {
        var assessment = Clock.Assess(Handoff, Touches("2026-11-16T14:59:59Z"), null, Utc.At("2026-11-16T19:30:00Z"));

        Assert.Equal(SlaStatus.Breached, assessment.Status);
        Assert.Null(assessment.FirstResponseAt);
        Assert.Equal([SlaAlertLevel.Breached], assessment.AlertsDue);
    }

    [Fact]
    public void Assess_EarliestTouchAnswers()
    {
        var assessment = Clock.Assess(Handoff, Touches("2026-11-16T18:30:00Z", "2026-11-16T16:00:00Z"), null, Utc.At("2026-11-16T20:00:00Z"));

        Assert.Equal(Utc.At("2026-11-16T16:00:00Z"), assessment.FirstResponseAt);
    }

    [Fact]
    public void Assess_TouchAfterAsOf_NotYetKnown()
    {
        var assessment = Clock.Assess(Handoff, Touches("2026-11-16T18:30:00Z"), null, Utc.At("2026-11-16T18:15:00Z"));

        Assert.Equal(SlaStatus.AtRisk, assessment.Status);
        Assert.Null(assessment.FirstResponseAt);
    }

    [Theory]
    [InlineData("2026-11-30T21:59:59Z", false)]
    [InlineData("2026-11-30T22:00:00Z", true)]
    public void Assess_TenBusinessDaysUnanswered_Recycles(string asOf, bool recycle)
    {
        var assessment = Clock.Assess(Handoff, Touches(), null, Utc.At(asOf));

        Assert.Equal(Utc.At("2026-11-30T22:00:00Z"), assessment.RecycleAt);
        Assert.Equal(recycle, assessment.Recycle);
    }

    [Fact]
    public void Assess_AnsweredLate_NotRecycled()
    {
        var assessment = Clock.Assess(Handoff, Touches("2026-11-20T15:00:00Z"), null, Utc.At("2026-12-15T15:00:00Z"));

        Assert.Equal(SlaStatus.Breached, assessment.Status);
        Assert.False(assessment.Recycle);
    }

    [Fact]
    public void Assess_GivenDue_UsesIt()
    {
        var handoff = new OpenHandoff(Utc.At("2026-11-16T15:00:00Z"), Tier.Tier2, Utc.At("2026-11-16T21:00:00Z"));

        var assessment = Clock.Assess(handoff, [], null, Utc.At("2026-11-16T20:00:00Z"));

        Assert.Equal(Utc.At("2026-11-16T21:00:00Z"), assessment.Due);
        Assert.Equal(SlaStatus.AtRisk, assessment.Status); // 5 of 6 business hours gone
    }

    [Fact]
    public void Assess_UnknownOwnerZone_UsesDefaultAndNamesTheId()
    {
        var assessment = Clock.Assess(Handoff, [], "Mars/Phobos", Utc.At("2026-11-16T16:00:00Z"));

        Assert.Equal("America/New_York", assessment.TimeZoneId);
        Assert.Contains("'Mars/Phobos'", assessment.TimeZoneProblem, StringComparison.Ordinal);
        Assert.Equal(Utc.At("2026-11-16T19:00:00Z"), assessment.Due);
    }

    [Fact]
    public void Assess_KolkataOwner_DeadlineInOwnersCalendar()
    {
        // Tier 1 at Mon 14:59 IST (09:29Z) → Mon 17:00 IST (11:30Z); at risk after 75 % of 2h01m.
        var handoff = new OpenHandoff(Utc.At("2026-11-16T09:29:00Z"), Tier.Tier1);

        var assessment = Clock.Assess(handoff, [], "Asia/Kolkata", Utc.At("2026-11-16T11:00:00Z"));

        Assert.Equal(Utc.At("2026-11-16T11:30:00Z"), assessment.Due);
        Assert.Equal(SlaStatus.AtRisk, assessment.Status);
        Assert.Null(assessment.TimeZoneProblem);
    }

    [Fact]
    public void AlertKeys_AreStablePerAccountHandoffAndLevel()
    {
        var handoff = new OpenHandoff(Utc.At("2026-11-16T15:00:00Z").AddMilliseconds(123), Tier.Tier2);

        var keys = Clock.Assess(handoff, [], null, Utc.At("2026-11-17T16:00:00Z")).AlertKeys("001A000001abcDE");

        Assert.Equal(
            ["sla|001A000001abcDE|2026-11-16T15:00:00Z|Breached", "sla|001A000001abcDE|2026-11-16T15:00:00Z|Escalated"],
            keys.Select(k => k.ToString()));
        Assert.Equal(new SlaAlertKey("001A000001abcDE", Utc.At("2026-11-16T15:00:00Z"), SlaAlertLevel.Breached), keys[0]);
    }

    [Fact]
    public void OpenHandoff_DueBeforeHandoff_Throws()
    {
        Assert.Throws<ArgumentException>(() => new OpenHandoff(Utc.At("2026-11-16T15:00:00Z"), Tier.Tier2, Utc.At("2026-11-16T14:00:00Z")));
    }
}
