using Alignment.Core.Sla;
using Alignment.Sync.History;

namespace Alignment.Sync.Scoreboard;

/// <summary>
/// Computes a week's scoreboard from the handoff history ledger (pure; docs/scoreboard.md). A handoff's SLA outcome is
/// the settled one in the ledger; an open handoff answered after the ledger's last merge is Met or Breached by its
/// due instant; an unanswered one is Breached once its due instant has passed, else Pending.
/// </summary>
public static class ScoreboardBuilder
{
    private const string NoOwner = "(none)";
    private const string NoReason = "(none)";

    public static WeeklyScoreboard Build(
        IEnumerable<HandoffRecord> records, TeamWeek week, SlaPolicy policy, DateTimeOffset asOf, int? commitment, IEnumerable<AccountChange>? movements = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(policy);
        var handoffs = records.Where(r => week.Contains(r.HandoffAt)).OrderBy(r => r.HandoffAt).ToList();
        return new WeeklyScoreboard
        {
            Week = week.ToString(),
            From = week.Start,
            To = week.End,
            Handoffs = handoffs.Count,
            Commitment = commitment,
            ByRule = [.. handoffs.GroupBy(h => h.Rule, StringComparer.Ordinal).Select(g => new CountBy<string>(g.Key, g.Count()))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal)],
            ByTier = [.. handoffs.GroupBy(h => h.Tier).Select(g => new CountBy<Core.Tiers.Tier>(g.Key, g.Count())).OrderBy(c => c.Key)],
            Sla = Figures(handoffs, policy, asOf),
            Owners = [.. handoffs.GroupBy(h => h.OwnerId ?? NoOwner, StringComparer.Ordinal)
                .Select(g => new OwnerFigures(g.Key, g.Count(), Figures([.. g], policy, asOf)))
                .OrderByDescending(o => o.Handoffs).ThenBy(o => o.OwnerId, StringComparer.Ordinal)],
            Rejections = [.. handoffs.Where(h => h.Status == Core.Handoffs.HandoffStatus.Rejected)
                .GroupBy(h => h.RejectionReason ?? NoReason, StringComparer.Ordinal)
                .Select(g => new CountBy<string>(g.Key, g.Count()))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal)],
            WrongTier = handoffs.Count(h => h.WrongTier),
            Movements = movements is null ? TierMovements.None : TierMovements.From(movements, week),
        };
    }

    /// <summary>The SLA outcome of a handoff as of <paramref name="asOf"/>: Met, Breached, or null (pending).</summary>
    public static SlaStatus? OutcomeOf(HandoffRecord record, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Outcome is SlaStatus.Met or SlaStatus.Breached)
        {
            return record.Outcome;
        }

        if (record.FirstResponseAt is { } response)
        {
            return response <= record.Due ? SlaStatus.Met : SlaStatus.Breached;
        }

        return asOf > record.Due ? SlaStatus.Breached : null;
    }

    private static SlaFigures Figures(IReadOnlyCollection<HandoffRecord> handoffs, SlaPolicy policy, DateTimeOffset asOf)
    {
        int met = 0, breached = 0, pending = 0;
        var responses = new List<double>();
        foreach (var handoff in handoffs)
        {
            switch (OutcomeOf(handoff, asOf))
            {
                case SlaStatus.Met: met++; break;
                case SlaStatus.Breached: breached++; break;
                default: pending++; break;
            }

            if (handoff.FirstResponseAt is { } response && response >= handoff.HandoffAt)
            {
                var calendar = policy.CalendarFor(handoff.OwnerTimeZone).Calendar ?? policy.DefaultCalendar;
                responses.Add(calendar.BusinessTimeBetween(handoff.HandoffAt, response).TotalHours);
            }
        }

        responses.Sort();
        return new SlaFigures(
            met,
            breached,
            pending,
            met + breached == 0 ? null : (double)met / (met + breached),
            Median(responses),
            NearestRank(responses, 0.9));
    }

    private static double? Median(List<double> sorted) =>
        sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    private static double? NearestRank(List<double> sorted, double percentile) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(percentile * sorted.Count) - 1)];
}
