using Alignment.Core.Accounts;
using Alignment.Core.Calibration;
using Alignment.Core.Signals;
using Alignment.Core.Tiers;
using Alignment.Sync.History;

namespace Alignment.Sync.Scoreboard;

/// <summary>
/// Tier movements in a week (docs/scoreboard.md, "Tier movements"), from the write log's week rows: per account, its
/// tier before the week's first tier write against its tier after the last — up (hotter), down (cooler, including to
/// no tier), new (from no tier); an account written back to where it started did not move. Recycled: handoffs the
/// connector recycled to nurture in the week.
/// </summary>
public sealed record TierMovements(int Up, int Down, int New, int Recycled)
{
    public static TierMovements None { get; } = new(0, 0, 0, 0);

    public static TierMovements From(IEnumerable<AccountChange> movements, TeamWeek week)
    {
        ArgumentNullException.ThrowIfNull(movements);
        ArgumentNullException.ThrowIfNull(week);
        int up = 0, down = 0, added = 0, recycled = 0;
        var inWeek = movements.Where(m => week.Contains(m.At)).OrderBy(m => m.At).ToList();
        foreach (var account in inWeek.GroupBy(m => m.AccountId, StringComparer.Ordinal))
        {
            var tiers = account.SelectMany(m => m.Changes).Where(c => c.Field == Crm.AlignmentField.Tier).ToList();
            if (tiers.Count > 0)
            {
                var from = TierMovement.TierOf(tiers[0].OldValue);
                var to = TierMovement.TierOf(tiers[^1].NewValue);
                if (from == Tier.None && to != Tier.None)
                {
                    added++;
                }
                else if (TierRank.Of(to) > TierRank.Of(from))
                {
                    up++;
                }
                else if (TierRank.Of(to) < TierRank.Of(from))
                {
                    down++;
                }
            }

            recycled += account.SelectMany(m => m.Changes).Count(c => c.Field == Crm.AlignmentField.HandoffStatus);
        }

        return new TierMovements(up, down, added, recycled);
    }

}

/// <summary>
/// The accounts as the CRM holds them at the report's instant (docs/scoreboard.md, "From the CRM"): accounts per tier,
/// locked tiers, the tier review's list and the sales coverage of Tier 1 and Tier 2.
/// </summary>
public sealed record AccountCensus
{
    /// <summary>A sales touch within this many days covers an account.</summary>
    public const int CoverageDays = 14;

    public required DateTimeOffset AsOf { get; init; }
    public int Accounts { get; init; }
    public IReadOnlyList<CountBy<Tier>> ByTier { get; init; } = [];

    /// <summary>Accounts whose tier a person locked.</summary>
    public int Locked { get; init; }

    /// <summary>Tier 1 and Tier 2 accounts awaiting their confirmation, and accounts flagged as the wrong tier.</summary>
    public required ReviewQueue Review { get; init; }

    /// <summary>Tier 1 and Tier 2 accounts with a sales touch by their owner in the last <see cref="CoverageDays"/> days.</summary>
    public IReadOnlyList<Coverage> Coverage { get; init; } = [];

    public static AccountCensus From(IEnumerable<Account> accounts, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var tally = new Tally(asOf);
        foreach (var account in accounts)
        {
            tally.Add(account);
        }

        return tally.ToCensus();
    }

    /// <summary>Counts accounts one at a time (a streamed CRM read holds no account longer than its page).</summary>
    public sealed class Tally(DateTimeOffset asOf)
    {
        private readonly Dictionary<Tier, int> _byTier = [];
        private readonly Dictionary<Tier, int> _covered = [];
        private readonly DateTimeOffset _since = asOf.AddDays(-CoverageDays);
        private int _total, _locked, _tier1Due, _tier2Due, _flagged;

        public void Add(Account account)
        {
            ArgumentNullException.ThrowIfNull(account);
            _total++;
            var state = account.Current ?? AlignmentState.Empty;
            var tier = state.Tier;
            _byTier[tier] = _byTier.GetValueOrDefault(tier) + 1;
            _locked += state.TierLocked ? 1 : 0;
            _flagged += state.WrongTier ? 1 : 0;
            if (state.ReviewDue || TierReview.IsDue(tier, state.TierConfirmedAt, null, wrongTier: false, asOf))
            {
                _tier1Due += tier == Tier.Tier1 ? 1 : 0;
                _tier2Due += tier == Tier.Tier2 ? 1 : 0;
            }

            if (tier is Tier.Tier1 or Tier.Tier2 && account.Signals.Any(s => s.Kind == SignalKind.SalesTouch && s.At >= _since && s.At <= asOf))
            {
                _covered[tier] = _covered.GetValueOrDefault(tier) + 1;
            }
        }

        public AccountCensus ToCensus() => new()
        {
            AsOf = asOf,
            Accounts = _total,
            ByTier = [.. new[] { Tier.Tier1, Tier.Tier2, Tier.Tier3, Tier.None }.Select(t => new CountBy<Tier>(t, _byTier.GetValueOrDefault(t)))],
            Locked = _locked,
            Review = new ReviewQueue(_tier1Due, _tier2Due, _flagged),
            Coverage = [.. new[] { Tier.Tier1, Tier.Tier2 }.Select(t => new Coverage(t, _byTier.GetValueOrDefault(t), _covered.GetValueOrDefault(t)))],
        };
    }
}

/// <summary>The weekly tier review's list: Tier 1 and Tier 2 awaiting confirmation, and tiers flagged wrong.</summary>
public sealed record ReviewQueue(int Tier1, int Tier2, int FlaggedWrong);

/// <summary>Accounts of a tier, and those with a recent sales touch; <see cref="Share"/> null without accounts.</summary>
public sealed record Coverage(Tier Tier, int Accounts, int Touched)
{
    public double? Share => Accounts == 0 ? null : (double)Touched / Accounts;
}

/// <summary>
/// Conversion of handed-off accounts within <see cref="Days"/> days (docs/scoreboard.md, "Conversion"): the cohort is
/// every handoff of the 30 days that ended <see cref="Days"/> days before the report, so each has had its full window;
/// converted to a meeting when a meeting was booked or a demo attended at or after the handoff and within the window,
/// to an opportunity when one was created on the account in the same span, with the pipeline of those opportunities.
/// <see cref="WithOpportunity"/> and <see cref="Pipeline"/> are null when the CRM's opportunities are not read.
/// </summary>
public sealed record Conversion(int Days, DateTimeOffset CohortFrom, DateTimeOffset CohortTo, int Handoffs, int WithMeeting, int? WithOpportunity, decimal? Pipeline)
{
    /// <summary>The cohort spans this many days.</summary>
    public const int CohortDays = 30;

    /// <summary>The windows reported: 30 and 60 days.</summary>
    public static readonly int[] Windows = [30, 60];

    public double? MeetingRate => Handoffs == 0 ? null : (double)WithMeeting / Handoffs;
    public double? OpportunityRate => Handoffs == 0 || WithOpportunity is null ? null : (double)WithOpportunity / Handoffs;

    /// <summary>The cohort of the window: handoffs in [asOf − days − 30 d, asOf − days).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) CohortOf(int days, DateTimeOffset asOf) =>
        (asOf.AddDays(-days - CohortDays), asOf.AddDays(-days));

    public static Conversion From(
        int days,
        DateTimeOffset asOf,
        IEnumerable<HandoffRecord> handoffs,
        IReadOnlyDictionary<string, Account> accounts,
        ILookup<string, Opportunity>? opportunities)
    {
        ArgumentNullException.ThrowIfNull(handoffs);
        ArgumentNullException.ThrowIfNull(accounts);
        var (from, to) = CohortOf(days, asOf);
        var cohort = handoffs.Where(h => h.HandoffAt >= from && h.HandoffAt < to).ToList();
        int meetings = 0, withOpportunity = 0;
        decimal pipeline = 0;
        var counted = new HashSet<string>(StringComparer.Ordinal); // an opportunity in two handoffs' windows counts once
        foreach (var handoff in cohort)
        {
            var end = handoff.HandoffAt.AddDays(days);
            if (accounts.TryGetValue(handoff.AccountId, out var account)
                && account.Signals.Any(s => s.Kind is SignalKind.MeetingBooked or SignalKind.DemoAttended && s.At >= handoff.HandoffAt && s.At <= end))
            {
                meetings++;
            }

            if (opportunities is not null)
            {
                var created = opportunities[handoff.AccountId].Where(o => o.CreatedAt >= handoff.HandoffAt && o.CreatedAt <= end).ToList();
                withOpportunity += created.Count > 0 ? 1 : 0;
                pipeline += created.Where(o => counted.Add(o.Id)).Sum(o => o.Amount ?? 0m);
            }
        }

        return new Conversion(days, from, to, cohort.Count, meetings, opportunities is null ? null : withOpportunity, opportunities is null ? null : pipeline);
    }
}
