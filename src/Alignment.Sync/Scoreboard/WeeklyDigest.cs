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

    /// <summary>The accounts when the digest was made (null when the CRM could not be read).</summary>
    public DigestAccounts? Accounts { get; init; }

    /// <summary>The scoreboard's view in the CRM (<c>Alignment:Sync:ScoreboardUrl</c>); null: none configured.</summary>
    public Uri? ScoreboardUrl { get; init; }

    /// <summary>What the digest could not include (e.g. the CRM was unavailable).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public static WeeklyDigest From(ScoreboardReport report, Uri? scoreboardUrl = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new WeeklyDigest
        {
            ScoreboardUrl = scoreboardUrl,
            Notes = report.Notes,
            Accounts = report.Census is { } c ? DigestAccounts.From(c, report.Conversions) : null,
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
public sealed record WeeklyDigestWeek(string Week, int Handoffs, int? Commitment, SlaFigures Sla, int Rejected, int WrongTier, TierMovements? Movements = null)
{
    public static WeeklyDigestWeek From(WeeklyScoreboard s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new WeeklyDigestWeek(s.Week, s.Handoffs, s.Commitment, s.Sla, s.Rejections.Sum(r => r.Count), s.WrongTier, s.Movements);
    }
}

/// <summary>
/// The accounts at the digest: Tier 1 and Tier 2 counts, the tier review's list, Tier 1 coverage, and the 30-day
/// conversion to a meeting (and to an opportunity, where read).
/// </summary>
public sealed record DigestAccounts(int Tier1, int Tier2, int AwaitingConfirmation, int FlaggedWrong, double? Tier1Coverage, Conversion? Conversion30)
{
    public static DigestAccounts From(AccountCensus census, IReadOnlyList<Conversion> conversions)
    {
        ArgumentNullException.ThrowIfNull(census);
        ArgumentNullException.ThrowIfNull(conversions);
        int Count(Core.Tiers.Tier tier) => census.ByTier.FirstOrDefault(c => c.Key == tier)?.Count ?? 0;
        return new DigestAccounts(
            Count(Core.Tiers.Tier.Tier1),
            Count(Core.Tiers.Tier.Tier2),
            census.Review.Tier1 + census.Review.Tier2,
            census.Review.FlaggedWrong,
            census.Coverage.FirstOrDefault(c => c.Tier == Core.Tiers.Tier.Tier1)?.Share,
            conversions.FirstOrDefault(c => c.Days == 30));
    }
}

/// <summary>An owner's breaches in the reported week.</summary>
public sealed record OwnerBreaches(string OwnerId, int Breached, int Handoffs);
