using Alignment.Core.Tiers;
using Alignment.Sync.Alerts;
using FsCheck;
using FsCheck.Fluent;

namespace Alignment.Sync.Tests.Alerts;

public sealed class TierCrossingTallyTests
{
    private static readonly Gen<List<TierCrossing>> Crossings =
        from count in Gen.Choose(0, 300)
        from items in Gen.ListOf(
            from id in Gen.Choose(0, 400)
            from to in Gen.Elements(Tier.Tier1, Tier.Tier2, Tier.Tier3)
            from score in Gen.Choose(0, 100)
            select new TierCrossing("001" + id.ToString("D12", System.Globalization.CultureInfo.InvariantCulture) + "AAA", "Account " + id, null, Tier.None, to, score), count)
        select items.DistinctBy(c => c.AccountId).ToList();

    [Fact]
    public void Tally_ListsWhatSortingEveryCrossingWouldList_AndCountsThemAll()
    {
        // The digest as it was built before the tally: every crossing held, sorted, the first ones taken.
        Prop.ForAll(Crossings.ToArbitrary(), Gen.Choose(0, 50).ToArbitrary(), (crossings, capacity) =>
        {
            var tally = new TierCrossingTally(capacity);
            tally.AddRange(crossings);
            var expected = crossings
                .OrderBy(c => c.To == Tier.Tier1 ? 0 : 1)
                .ThenByDescending(c => c.Score)
                .ThenBy(c => c.AccountId, StringComparer.Ordinal)
                .Take(capacity);
            return tally.Count == crossings.Count && tally.Listed.SequenceEqual(expected);
        }).QuickCheckThrowOnFailure();
    }
}
