using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Alignment.Core.Calendar;
using Alignment.Core.Tiers;

namespace Alignment.Core.Sla;

/// <summary>
/// The SLA rules of the model file (<c>$.sla</c>): the default business calendar, one deadline per tier at handoff,
/// when an open handoff is at risk, when a breach escalates and when an unanswered handoff is recycled. Immutable.
/// </summary>
public sealed class SlaPolicy
{
    private const int MaxCachedZones = 1024;
    private readonly FrozenDictionary<Tier, SlaDeadline> _deadlines;
    private readonly ConcurrentDictionary<string, BusinessCalendarResult> _calendars = new(StringComparer.Ordinal);

    /// <param name="defaultTimeZone">IANA id used when an owner has none.</param>
    /// <param name="hours">Weekly opening hours (local time of each owner's zone).</param>
    /// <param name="holidays">Local dates without business time, in every zone.</param>
    /// <param name="deadlines">A deadline for each of <see cref="Tier.Tier1"/>, <see cref="Tier.Tier2"/>, <see cref="Tier.Tier3"/> and <see cref="Tier.None"/> (no tier).</param>
    /// <param name="atRiskShare">Share of the business-time window, in (0, 1], after which an unanswered handoff is at risk.</param>
    /// <param name="escalateAfter">Business time after the due instant at which a still unanswered breach escalates (≥ 0).</param>
    /// <param name="recycleAfterBusinessDays">Business days after the handoff's local date at whose close an unanswered handoff is recycled (≥ 1).</param>
    public SlaPolicy(
        string defaultTimeZone,
        WeeklyHours hours,
        IEnumerable<DateOnly> holidays,
        IReadOnlyDictionary<Tier, SlaDeadline> deadlines,
        double atRiskShare,
        TimeSpan escalateAfter,
        int recycleAfterBusinessDays)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(deadlines);
        if (!TimeZones.TryFind(defaultTimeZone, out var zone, out var error))
        {
            throw new ArgumentException(error, nameof(defaultTimeZone));
        }

        foreach (var tier in Enum.GetValues<Tier>())
        {
            if (!deadlines.TryGetValue(tier, out var deadline) || deadline is null)
            {
                throw new ArgumentException($"No deadline for {tier}.", nameof(deadlines));
            }
        }

        if (!(atRiskShare > 0 && atRiskShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(atRiskShare), atRiskShare, "The at-risk share must be in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(escalateAfter, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(recycleAfterBusinessDays, 1);

        DefaultCalendar = new BusinessCalendar(zone, hours, holidays);
        _deadlines = deadlines.ToFrozenDictionary();
        AtRiskShare = atRiskShare;
        EscalateAfter = escalateAfter;
        RecycleAfterBusinessDays = recycleAfterBusinessDays;
        _calendars[DefaultCalendar.TimeZoneId] = BusinessCalendarResult.Success(DefaultCalendar);
    }

    /// <summary>
    /// The default policy: America/New_York, Mon–Fri 09:00–17:00, no holidays; Tier 1 end of business day (same day
    /// before 15:00), Tier 2 4 business hours, Tier 3 and no tier 16 business hours; at risk at 75 %; escalation 4
    /// business hours after the breach; recycle after 10 business days.
    /// </summary>
    public static SlaPolicy Default { get; } = new(
        "America/New_York",
        WeeklyHours.Default,
        [],
        new Dictionary<Tier, SlaDeadline>
        {
            [Tier.Tier1] = new EndOfBusinessDayDeadline(new TimeOnly(15, 0)),
            [Tier.Tier2] = new BusinessHoursDeadline(TimeSpan.FromHours(4)),
            [Tier.Tier3] = new BusinessHoursDeadline(TimeSpan.FromHours(16)),
            [Tier.None] = new BusinessHoursDeadline(TimeSpan.FromHours(16)),
        },
        0.75,
        TimeSpan.FromHours(4),
        10);

    /// <summary>The calendar of owners without a time zone.</summary>
    public BusinessCalendar DefaultCalendar { get; }

    public string DefaultTimeZone => DefaultCalendar.TimeZoneId;

    public WeeklyHours Hours => DefaultCalendar.Hours;

    public ImmutableArray<DateOnly> Holidays => DefaultCalendar.Holidays;

    public double AtRiskShare { get; }

    public TimeSpan EscalateAfter { get; }

    public int RecycleAfterBusinessDays { get; }

    /// <summary>The deadline for a tier at handoff; null means no tier (<see cref="Tier.None"/>).</summary>
    public SlaDeadline DeadlineFor(Tier? tier) =>
        _deadlines.TryGetValue(tier ?? Tier.None, out var deadline)
            ? deadline
            : throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier.");

    /// <summary>
    /// The business calendar of an owner: the policy's hours and holidays in the owner's IANA zone, or in the default
    /// zone when <paramref name="timeZoneId"/> is null or empty. An unknown id is a failure naming it.
    /// </summary>
    public BusinessCalendarResult CalendarFor(string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            return _calendars[DefaultCalendar.TimeZoneId];
        }

        if (_calendars.TryGetValue(timeZoneId, out var cached))
        {
            return cached;
        }

        var result = BusinessCalendar.Create(timeZoneId, Hours, Holidays);
        if (_calendars.Count < MaxCachedZones)
        {
            _calendars.TryAdd(timeZoneId, result);
        }

        return result;
    }
}
