using Alignment.Core.Tiers;
using FsCheck;
using FsCheck.Fluent;

namespace Alignment.Core.Tests.Tiers;

public sealed class TierReviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Tier.Tier1)]
    [InlineData(Tier.Tier2)]
    public void IsDue_NeverConfirmed_Tier1And2AreDue(Tier tier) =>
        Assert.True(TierReview.IsDue(tier, null, null, wrongTier: false, Now));

    [Theory]
    [InlineData(Tier.Tier3)]
    [InlineData(Tier.None)]
    public void IsDue_Tier3AndUntiered_NeverDueWithoutAFlag(Tier tier)
    {
        Assert.False(TierReview.IsDue(tier, null, null, wrongTier: false, Now));
        Assert.True(TierReview.IsDue(tier, null, null, wrongTier: true, Now));
    }

    [Theory]
    [InlineData(Tier.Tier1, 6.9, false)]
    [InlineData(Tier.Tier1, 7, true)]
    [InlineData(Tier.Tier2, 7, false)]
    [InlineData(Tier.Tier2, 13.9, false)]
    [InlineData(Tier.Tier2, 14, true)]
    public void IsDue_ConfirmationHoldsForTheTiersCadence(Tier tier, double daysAgo, bool due) =>
        Assert.Equal(due, TierReview.IsDue(tier, Now.AddDays(-daysAgo), null, wrongTier: false, Now));

    [Fact]
    public void IsDue_ConfirmedBeforeTheTierWasAssigned_IsDue()
    {
        // Confirmed as Tier 2 on Monday; the connector moved the account to Tier 1 on Wednesday: Tier 1 is unconfirmed.
        Assert.True(TierReview.IsDue(Tier.Tier1, Now.AddDays(-3), tierSince: Now.AddDays(-1), wrongTier: false, Now));
        Assert.False(TierReview.IsDue(Tier.Tier1, Now.AddDays(-1), tierSince: Now.AddDays(-3), wrongTier: false, Now));
    }

    [Fact]
    public void IsDue_ConfirmationInTheFuture_IsNotAConfirmation() =>
        Assert.True(TierReview.IsDue(Tier.Tier1, Now.AddDays(1), null, wrongTier: false, Now));

    [Fact]
    public void IsDue_WrongTierFlag_DueEvenWhenFreshlyConfirmed() =>
        Assert.True(TierReview.IsDue(Tier.Tier1, Now.AddHours(-1), null, wrongTier: true, Now));

    [Fact]
    public void IsDue_AnyTier_DueExactlyWhenUnconfirmedStaleOrFlagged()
    {
        var cases =
            from tier in Gen.Elements(Enum.GetValues<Tier>())
            from confirmedHoursAgo in Gen.OneOf(Gen.Choose(-48, 24 * 30).Select(h => (int?)h), Gen.Constant((int?)null))
            from sinceHoursAgo in Gen.OneOf(Gen.Choose(0, 24 * 30).Select(h => (int?)h), Gen.Constant((int?)null))
            from flagged in ArbMap.Default.GeneratorFor<bool>()
            select (tier, confirmedHoursAgo, sinceHoursAgo, flagged);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var confirmed = c.confirmedHoursAgo is { } ch ? Now.AddHours(-ch) : (DateTimeOffset?)null;
            var since = c.sinceHoursAgo is { } sh ? Now.AddHours(-sh) : (DateTimeOffset?)null;
            var due = TierReview.IsDue(c.tier, confirmed, since, c.flagged, Now);
            var cadence = TierReview.CadenceOf(c.tier);
            var holds = cadence is { } k && confirmed is { } at && at <= Now && Now - at < k && (since is null || at >= since);
            return due == (c.flagged || (cadence is not null && !holds));
        }).QuickCheckThrowOnFailure();
    }
}
