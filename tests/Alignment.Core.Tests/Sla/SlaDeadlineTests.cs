using Alignment.Core.Calendar;
using Alignment.Core.Sla;
using Alignment.Core.Tests.Calendar;
using Alignment.Core.Tiers;

namespace Alignment.Core.Tests.Sla;

public sealed class SlaDeadlineTests
{
    private static readonly SlaClock Clock = new(SlaPolicy.Default);

    // Default policy: America/New_York unless the owner has a zone; Mon–Fri 09:00–17:00. Local times in comments.
    [Theory]
    [InlineData("2026-11-16T19:59:00Z", null, "2026-11-16T22:00:00Z")]                // Mon 14:59 EST → Mon 17:00
    [InlineData("2026-11-16T20:01:00Z", null, "2026-11-17T22:00:00Z")]                // Mon 15:01 EST → Tue 17:00
    [InlineData("2026-11-16T20:00:00Z", null, "2026-11-17T22:00:00Z")]                // Mon 15:00 exactly: not before 15:00 → Tue
    [InlineData("2026-11-16T14:00:00Z", null, "2026-11-16T22:00:00Z")]                // Mon 09:00 (opening) → Mon 17:00
    [InlineData("2026-11-16T13:00:00Z", null, "2026-11-17T22:00:00Z")]                // Mon 08:00, before opening: not during hours → next business day, Tue 17:00
    [InlineData("2026-11-16T04:00:00Z", null, "2026-11-16T22:00:00Z")]                // Sun 23:00 EST → the next business day, Mon 17:00
    [InlineData("2026-11-16T22:00:00Z", null, "2026-11-17T22:00:00Z")]                // Mon 17:00 (closed) → Tue 17:00
    [InlineData("2026-11-20T23:00:00Z", null, "2026-11-23T22:00:00Z")]                // Fri 18:00 EST → Mon 17:00
    [InlineData("2026-11-20T19:30:00Z", null, "2026-11-20T22:00:00Z")]                // Fri 14:30 → Fri 17:00
    [InlineData("2026-11-20T20:30:00Z", null, "2026-11-23T22:00:00Z")]                // Fri 15:30 → Mon 17:00
    [InlineData("2026-11-21T15:00:00Z", null, "2026-11-23T22:00:00Z")]                // Saturday → Mon 17:00
    [InlineData("2026-03-06T21:00:00Z", null, "2026-03-09T21:00:00Z")]                // Fri 16:00 EST → Mon 17:00 EDT (DST Mar 8)
    [InlineData("2026-10-30T19:30:00Z", null, "2026-11-02T22:00:00Z")]                // Fri 15:30 EDT → Mon 17:00 EST (DST Nov 1)
    [InlineData("2026-03-27T14:30:00Z", "Europe/Berlin", "2026-03-30T15:00:00Z")]     // Fri 15:30 CET → Mon 17:00 CEST
    [InlineData("2026-10-23T13:30:00Z", "Europe/Berlin", "2026-10-26T16:00:00Z")]     // Fri 15:30 CEST → Mon 17:00 CET
    [InlineData("2026-11-16T09:29:00Z", "Asia/Kolkata", "2026-11-16T11:30:00Z")]      // Mon 14:59 IST → Mon 17:00 IST
    [InlineData("2026-11-16T09:31:00Z", "Asia/Kolkata", "2026-11-17T11:30:00Z")]      // Mon 15:01 IST → Tue 17:00 IST
    public void DueFor_Tier1_EndOfSameOrNextBusinessDay(string handoff, string? zone, string expected)
    {
        Assert.Equal(Utc.At(expected), Clock.DueFor(Utc.At(handoff), Tier.Tier1, zone));
    }

    [Theory]
    [InlineData("2026-11-16T19:59:00Z", null, "2026-11-17T15:59:00Z")]                // Mon 14:59 EST: 2h01 Mon + 1h59 Tue → Tue 10:59
    [InlineData("2026-11-16T15:00:00Z", null, "2026-11-16T19:00:00Z")]                // Mon 10:00 → 14:00
    [InlineData("2026-11-20T23:00:00Z", null, "2026-11-23T18:00:00Z")]                // Fri 18:00 → clock starts Mon 09:00 → 13:00
    [InlineData("2026-11-20T21:00:00Z", null, "2026-11-23T17:00:00Z")]                // Fri 16:00 → 1h Fri + 3h Mon → Mon 12:00
    [InlineData("2026-03-06T21:00:00Z", null, "2026-03-09T16:00:00Z")]                // Fri 16:00 EST → Mon 12:00 EDT
    [InlineData("2026-10-30T20:00:00Z", null, "2026-11-02T17:00:00Z")]                // Fri 16:00 EDT → Mon 12:00 EST
    [InlineData("2026-03-27T15:00:00Z", "Europe/Berlin", "2026-03-30T10:00:00Z")]     // Fri 16:00 CET → Mon 12:00 CEST
    [InlineData("2026-10-23T14:00:00Z", "Europe/Berlin", "2026-10-26T11:00:00Z")]     // Fri 16:00 CEST → Mon 12:00 CET
    [InlineData("2026-11-20T10:30:00Z", "Asia/Kolkata", "2026-11-23T06:30:00Z")]      // Fri 16:00 IST → Mon 12:00 IST
    public void DueFor_Tier2_FourBusinessHours(string handoff, string? zone, string expected)
    {
        Assert.Equal(Utc.At(expected), Clock.DueFor(Utc.At(handoff), Tier.Tier2, zone));
    }

    [Theory]
    [InlineData(Tier.Tier3, "2026-11-16T15:00:00Z", "2026-11-18T15:00:00Z")] // Mon 10:00: 7h Mon + 8h Tue + 1h → Wed 10:00 EST
    [InlineData(Tier.None, "2026-11-19T15:00:00Z", "2026-11-23T15:00:00Z")]  // Thu 10:00: 7h + 8h Fri + 1h → Mon 10:00
    [InlineData(Tier.Tier3, "2026-03-06T15:00:00Z", "2026-03-10T14:00:00Z")] // Fri 10:00 EST: 7h + 8h Mon + 1h → Tue 10:00 EDT
    public void DueFor_Tier3AndNoTier_SixteenBusinessHours(Tier tier, string handoff, string expected)
    {
        Assert.Equal(Utc.At(expected), Clock.DueFor(Utc.At(handoff), tier, null));
    }

    [Fact]
    public void DueFor_NullTier_SameAsNoTier()
    {
        var handoff = Utc.At("2026-11-19T15:00:00Z");

        Assert.Equal(Clock.DueFor(handoff, Tier.None, null), Clock.DueFor(handoff, null, null));
    }

    [Theory]
    [InlineData(Tier.Tier1, "2026-11-25T20:30:00Z", "2026-11-27T22:00:00Z")] // Wed 15:30 EST, Thu holiday → Fri 17:00
    [InlineData(Tier.Tier2, "2026-11-25T20:00:00Z", "2026-11-27T16:00:00Z")] // Wed 15:00: 2h Wed + 2h Fri → Fri 11:00
    [InlineData(Tier.Tier3, "2026-11-25T15:00:00Z", "2026-11-30T15:00:00Z")] // Wed 10:00: 7h Wed + 8h Fri + 1h → Mon 10:00
    public void DueFor_HolidayInWindow_SkipsHoliday(Tier tier, string handoff, string expected)
    {
        var policy = new SlaPolicy(
            "America/New_York", WeeklyHours.Default, [new DateOnly(2026, 11, 26)],
            Enum.GetValues<Tier>().ToDictionary(t => t, t => SlaPolicy.Default.DeadlineFor(t)), 0.75, TimeSpan.FromHours(4), 10);

        Assert.Equal(Utc.At(expected), new SlaClock(policy).DueFor(Utc.At(handoff), tier, null));
    }

    [Fact]
    public void DueFor_UnknownOwnerZone_UsesDefaultCalendar()
    {
        var handoff = Utc.At("2026-11-16T15:00:00Z");

        Assert.Equal(Clock.DueFor(handoff, Tier.Tier2, null), Clock.DueFor(handoff, Tier.Tier2, "Mars/Phobos"));
    }
}
