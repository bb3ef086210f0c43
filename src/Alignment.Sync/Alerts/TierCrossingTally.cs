using Alignment.Core.Tiers;

namespace Alignment.Sync.Alerts;

/// <summary>
/// A run's upward tier crossings as its digest lists them (docs/storage-and-slack.md, "Handoff DMs and tier
/// crossings"): the first <c>capacity</c> in the digest's order — Tier 1 first, then the highest score, then the
/// account id — and how many there were in all. Holds at most <c>capacity</c> crossings however many accounts cross,
/// so a model change that moves a whole partition costs no memory.
/// </summary>
public sealed class TierCrossingTally(int capacity)
{
    /// <summary>The digest's order.</summary>
    public static IComparer<TierCrossing> Order { get; } = Comparer<TierCrossing>.Create((a, b) =>
    {
        var byTier = (a.To == Tier.Tier1 ? 0 : 1).CompareTo(b.To == Tier.Tier1 ? 0 : 1);
        if (byTier != 0)
        {
            return byTier;
        }

        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : string.CompareOrdinal(a.AccountId, b.AccountId);
    });

    private readonly SortedSet<TierCrossing> _listed = new(Order);

    /// <summary>Crossings added.</summary>
    public int Count { get; private set; }

    /// <summary>The crossings the digest lists, in its order.</summary>
    public IReadOnlyList<TierCrossing> Listed => [.. _listed];

    public void Add(TierCrossing crossing)
    {
        ArgumentNullException.ThrowIfNull(crossing);
        Count++;
        if (capacity <= 0)
        {
            return;
        }

        _listed.Add(crossing);
        if (_listed.Count > capacity)
        {
            _listed.Remove(_listed.Max!);
        }
    }

    public void AddRange(IEnumerable<TierCrossing> crossings)
    {
        ArgumentNullException.ThrowIfNull(crossings);
        foreach (var crossing in crossings)
        {
            Add(crossing);
        }
    }
}
