namespace Alignment.Sync.Scoreboard;

/// <summary>
/// The weekly digest's figures (docs/scoreboard.md, "Weekly digest"): the week that ended and the one before, small
/// enough to store with its alert in the ledger (the owners with the most breaches, at most <see cref="MaxOwners"/>).
/// </summary>
public sealed record WeeklyDigest
{
    public const int MaxOwners = 5;

    public required string TimeZone { get; init; }
    public required WeeklyDigestWeek This { get; init; }
    public required WeeklyDigestWeek Previous { get; init; }

    /// <summary>Owners of the reported week with breaches, most first: (owner id, breached, handoffs).</summary>
    public IReadOnlyList<OwnerBreaches> Owners { get; init; } = [];

    public static WeeklyDigest From(ScoreboardReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new WeeklyDigest
        {
            TimeZone = report.TimeZone,
            This = WeeklyDigestWeek.From(report.This),
            Previous = WeeklyDigestWeek.From(report.Previous),
            Owners = [.. report.This.Owners.Where(o => o.Sla.Breached > 0)
                .OrderByDescending(o => o.Sla.Breached).ThenBy(o => o.OwnerId, StringComparer.Ordinal)
                .Take(MaxOwners)
                .Select(o => new OwnerBreaches(o.OwnerId, o.Sla.Breached, o.Handoffs))],
        };
    }
}

/// <summary>One week's headline figures.</summary>
public sealed record WeeklyDigestWeek(string Week, int Handoffs, int? Commitment, SlaFigures Sla, int Rejected, int WrongTier)
{
    public static WeeklyDigestWeek From(WeeklyScoreboard s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new WeeklyDigestWeek(s.Week, s.Handoffs, s.Commitment, s.Sla, s.Rejections.Sum(r => r.Count), s.WrongTier);
    }
}

/// <summary>An owner's breaches in the reported week.</summary>
public sealed record OwnerBreaches(string OwnerId, int Breached, int Handoffs);
