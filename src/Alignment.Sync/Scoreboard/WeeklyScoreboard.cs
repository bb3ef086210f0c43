using Alignment.Core.Tiers;

namespace Alignment.Sync.Scoreboard;

/// <summary>The scoreboard of one team week (docs/scoreboard.md defines each figure).</summary>
public sealed record WeeklyScoreboard
{
    /// <summary><c>2026-W48</c>, in the team's time zone.</summary>
    public required string Week { get; init; }

    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }

    /// <summary>Handoffs decided in the week.</summary>
    public int Handoffs { get; init; }

    /// <summary>Marketing's weekly commitment of handed-off accounts; null when none is set.</summary>
    public int? Commitment { get; init; }

    /// <summary>Whether <see cref="Handoffs"/> reached <see cref="Commitment"/>; null without one.</summary>
    public bool? CommitmentMet => Commitment is { } c ? Handoffs >= c : null;

    public IReadOnlyList<CountBy<string>> ByRule { get; init; } = [];
    public IReadOnlyList<CountBy<Tier>> ByTier { get; init; } = [];

    /// <summary>The SLA of the week's handoffs, as of the report's instant.</summary>
    public required SlaFigures Sla { get; init; }

    /// <summary>Per owner (CRM user id; <c>(none)</c> without an owner), most handoffs first.</summary>
    public IReadOnlyList<OwnerFigures> Owners { get; init; } = [];

    /// <summary>Rejected handoffs by the rep's reason (<c>(none)</c>: rejected without a reason).</summary>
    public IReadOnlyList<CountBy<string>> Rejections { get; init; } = [];

    /// <summary>Handoffs whose account a rep flagged as the wrong tier: the weekly review's list.</summary>
    public int WrongTier { get; init; }

    /// <summary>Tier movements and recycles written in the week (the write log's week rows).</summary>
    public TierMovements Movements { get; init; } = TierMovements.None;
}

/// <summary>A count per key.</summary>
public sealed record CountBy<T>(T Key, int Count);

/// <summary>
/// Met, breached and pending handoffs; compliance = met / (met + breached), null when none is settled; first-response
/// times in business hours of the owner's calendar, median and 90th percentile (nearest rank), null without responses.
/// </summary>
public sealed record SlaFigures(int Met, int Breached, int Pending, double? Compliance, double? MedianResponseHours, double? P90ResponseHours);

/// <summary>One owner's handoffs and SLA in the week.</summary>
public sealed record OwnerFigures(string OwnerId, int Handoffs, SlaFigures Sla);

/// <summary>
/// The report: this week and the one before, for comparison; with the CRM read, the accounts as they are now and the
/// conversion of earlier handoffs; the stored rows of the weeks before (the trend).
/// </summary>
public sealed record ScoreboardReport(string TimeZone, DateTimeOffset AsOf, WeeklyScoreboard This, WeeklyScoreboard Previous)
{
    /// <summary>The CRM's accounts at <see cref="AsOf"/>; null when the CRM was not read.</summary>
    public AccountCensus? Census { get; init; }

    /// <summary>Conversion within 30 and 60 days of handoff; empty when the CRM was not read.</summary>
    public IReadOnlyList<Conversion> Conversions { get; init; } = [];

    /// <summary>Stored rows of earlier weeks, newest first (at most <see cref="ScoreboardJob.TrendWeeks"/>).</summary>
    public IReadOnlyList<StoredScoreboardWeek> Trend { get; init; } = [];

    /// <summary>What the report could not include and why (e.g. opportunities on a CRM without an outcome reader).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
