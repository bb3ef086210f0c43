using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.Sync.Crm;
using Alignment.Sync.Writing;
using FsCheck;
using FsCheck.Fluent;

namespace Alignment.Sync.Tests.Writing;

public sealed class AlignmentDiffTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private static readonly AlignmentState Scored = new()
    {
        Score = 70, Fit = 80, Intent = 60, Engagement = 65, Tier = Tier.Tier2, Reasons = "ICP: Software",
        ModelVersion = "2026.11.0", ScoredAt = T0,
    };

    [Fact]
    public void Compute_SameState_ReturnsNull()
    {
        Assert.Null(AlignmentDiff.Compute("001", Scored, Scored with { }));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", null)]
    public void Compute_NoReasonsStoredAsNullOrEmpty_IsNoChange(string? stored, string? wanted)
    {
        // Salesforce stores an empty text as null: an account without reasons must not be written on every run.
        Assert.Null(AlignmentDiff.Compute("001", Scored with { Reasons = stored }, Scored with { Reasons = wanted }));
    }

    [Fact]
    public void Compute_OnlyScoredAtMoved_ReturnsNull()
    {
        Assert.Null(AlignmentDiff.Compute("001", Scored, Scored with { ScoredAt = T0.AddHours(1) }));
    }

    [Fact]
    public void Compute_OnlyModelVersionChanged_WritesTheVersionAndItsInstant()
    {
        // The model-version wave: the field must name the model that produced the values (issue 18, item 5).
        var write = AlignmentDiff.Compute("001", Scored, Scored with { ModelVersion = "2027.01.0", ScoredAt = T0.AddHours(1) });

        Assert.NotNull(write);
        Assert.Equal([AlignmentField.ModelVersion, AlignmentField.ScoredAt], write.Fields.Order());
    }

    [Fact]
    public void Compute_NeverScoredAndNothingToWrite_NoVersionWave()
    {
        var unscored = new AlignmentState { Tier = Tier.None };

        Assert.Null(AlignmentDiff.Compute("001", unscored, unscored with { ModelVersion = "2027.01.0" }));
    }

    [Fact]
    public void Compute_ScoreChanged_WritesScoreWithScoredAtAndVersion()
    {
        var write = AlignmentDiff.Compute("001", Scored, Scored with { Score = 71, ModelVersion = "2027.01.0", ScoredAt = T0.AddHours(1) });

        Assert.NotNull(write);
        Assert.Equal("001", write.AccountId);
        Assert.Equal(
            new[] { AlignmentField.Score, AlignmentField.ModelVersion, AlignmentField.ScoredAt }.Order(),
            write.Fields.Order());
    }

    [Fact]
    public void Compute_ScoreChangedSameVersion_DoesNotWriteVersion()
    {
        var write = AlignmentDiff.Compute("001", Scored, Scored with { Intent = 61, ScoredAt = T0.AddHours(1) });

        Assert.NotNull(write);
        Assert.DoesNotContain(AlignmentField.ModelVersion, write.Fields);
        Assert.Contains(AlignmentField.ScoredAt, write.Fields);
    }

    [Fact]
    public void Compute_TierLockedByHuman_NeverWritesTierNorLock()
    {
        var current = Scored with { TierLocked = true, Tier = Tier.Tier3 };

        var write = AlignmentDiff.Compute("001", current, current with { Tier = Tier.Tier1, TierLocked = false, Score = 90 });

        Assert.NotNull(write);
        Assert.DoesNotContain(AlignmentField.Tier, write.Fields);
        Assert.DoesNotContain(AlignmentField.TierLocked, write.Fields);
        Assert.Contains(AlignmentField.Score, write.Fields);
    }

    [Fact]
    public void Compute_TierLockedOnly_ReturnsNull()
    {
        Assert.Null(AlignmentDiff.Compute("001", Scored, Scored with { TierLocked = true }));
    }

    [Theory]
    [InlineData(HandoffStatus.Accepted, HandoffStatus.Recycled)]
    [InlineData(HandoffStatus.Recycled, HandoffStatus.None)]
    [InlineData(HandoffStatus.Accepted, HandoffStatus.None)]
    [InlineData(HandoffStatus.Rejected, HandoffStatus.None)]
    [InlineData(HandoffStatus.Rejected, HandoffStatus.Recycled)]
    public void Compute_HumanSetHandoffStatus_NotOverwritten(HandoffStatus human, HandoffStatus wanted)
    {
        var current = Scored with { HandoffStatus = human, HandoffRule = "mqa", HandoffAt = T0 };

        var write = AlignmentDiff.Compute("001", current, current with
        {
            HandoffStatus = wanted, HandoffRule = "tier1-meeting", HandoffAt = T0.AddDays(1), SlaDue = T0.AddDays(2),
        });

        Assert.Null(write);
    }

    [Theory]
    [InlineData(HandoffStatus.Accepted)]
    [InlineData(HandoffStatus.Rejected)]
    public void Compute_ClosedThenNewHandoff_WrittenAsReEntry(HandoffStatus closed)
    {
        var current = Scored with { HandoffStatus = closed, HandoffRule = "mqa", HandoffAt = T0 };

        var write = AlignmentDiff.Compute("001", current, current with
        {
            HandoffStatus = HandoffStatus.Pending, HandoffRule = "tier1-meeting", HandoffAt = T0.AddDays(31), SlaDue = T0.AddDays(32),
        });

        Assert.NotNull(write);
        Assert.Contains(AlignmentField.HandoffStatus, write.Fields);
        Assert.Contains(AlignmentField.HandoffAt, write.Fields);
    }

    [Fact]
    public void Compute_RecycledWithSameHandoffReset_NotOverwritten()
    {
        var current = Scored with { HandoffStatus = HandoffStatus.Recycled, HandoffRule = "mqa", HandoffAt = T0 };

        Assert.Null(AlignmentDiff.Compute("001", current, current with { HandoffStatus = HandoffStatus.Pending }));
    }

    [Fact]
    public void Compute_RecycledThenNewHandoff_Written()
    {
        var current = Scored with { HandoffStatus = HandoffStatus.Recycled, HandoffRule = "mqa", HandoffAt = T0 };

        var write = AlignmentDiff.Compute("001", current, current with
        {
            HandoffStatus = HandoffStatus.Pending, HandoffRule = "pricing-surge", HandoffAt = T0.AddDays(20), SlaDue = T0.AddDays(21),
        });

        Assert.NotNull(write);
        Assert.Contains(AlignmentField.HandoffStatus, write.Fields);
        Assert.Contains(AlignmentField.HandoffAt, write.Fields);
    }

    [Fact]
    public void Compute_PendingToRecycled_WrittenByRecycleRule()
    {
        var current = Scored with { HandoffStatus = HandoffStatus.Pending, HandoffRule = "mqa", HandoffAt = T0, SlaStatus = SlaStatus.Breached };

        var write = AlignmentDiff.Compute("001", current, current with { HandoffStatus = HandoffStatus.Recycled });

        Assert.NotNull(write);
        Assert.Equal([AlignmentField.HandoffStatus], write.Fields);
    }

    [Fact]
    public void Compute_NewHandoff_WritesHandoffGroup()
    {
        var wanted = Scored with
        {
            HandoffStatus = HandoffStatus.Pending, HandoffRule = "tier1-meeting", HandoffAt = T0, SlaDue = T0.AddHours(2),
            SlaStatus = SlaStatus.OnTrack, HandoffTier = Tier.Tier1,
        };

        var write = AlignmentDiff.Compute("001", Scored, wanted);

        Assert.NotNull(write);
        Assert.Equal(
            new[] { AlignmentField.HandoffStatus, AlignmentField.HandoffRule, AlignmentField.HandoffAt, AlignmentField.SlaDue, AlignmentField.SlaStatus }.Order(),
            write.Fields.Order());
    }

    [Fact]
    public void Diff_SameState_IsEmpty_Property()
    {
        Prop.ForAll(States(), x => AlignmentDiff.Compute("001", x, x with { }) is null).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Diff_AppliedToCurrent_EqualsWantedOnWrittenFields_Property()
    {
        var pairs = States().Generator.Two().ToArbitrary();
        Prop.ForAll(pairs, pair =>
        {
            var (current, wanted) = pair;
            var write = AlignmentDiff.Compute("001", current, wanted);
            if (write is null)
            {
                return true;
            }

            var applied = AccountWriteApplier.Apply(current, write);
            var allWritten = write.Fields.All(f => AccountWriteApplier.Format(applied, f) == AccountWriteApplier.Format(wanted, f));
            var noOtherChanged = Enum.GetValues<AlignmentField>().Where(f => !write.Fields.Contains(f))
                .All(f => AccountWriteApplier.Format(applied, f) == AccountWriteApplier.Format(current, f));
            return allWritten && noOtherChanged && !write.Fields.Contains(AlignmentField.TierLocked) && write.Fields.Count > 0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Diff_Applied_ReachesWantedUnlessGuarded_Property()
    {
        var pairs = States().Generator.Two().ToArbitrary();
        Prop.ForAll(pairs, pair =>
        {
            var (current, wanted) = pair;
            var write = AlignmentDiff.Compute("001", current, wanted);
            var applied = write is null ? current : AccountWriteApplier.Apply(current, write);

            // After applying, diffing again finds nothing: one write is enough.
            return AlignmentDiff.Compute("001", applied, wanted) is null;
        }).QuickCheckThrowOnFailure();
    }

    private static Arbitrary<AlignmentState> States()
    {
        var score = Gen.Elements<int?>(null, 0, 40, 65, 85, 100);
        var instant = Gen.Elements<DateTimeOffset?>(null, T0, T0.AddHours(4), T0.AddDays(1));
        var text = Gen.Elements<string?>(null, "a", "b");
        var gen =
            from s in score
            from f in score
            from i in score
            from e in score
            from tier in Gen.Elements(Enum.GetValues<Tier>())
            from locked in Gen.Elements(true, false)
            from reasons in text
            from version in Gen.Elements<string?>(null, "v1", "v2")
            from scoredAt in instant
            from status in Gen.Elements(Enum.GetValues<HandoffStatus>())
            from rule in text
            from handoffAt in instant
            from due in instant
            from sla in Gen.Elements<SlaStatus?>(null, SlaStatus.OnTrack, SlaStatus.Breached, SlaStatus.Met)
            from firstResponse in instant
            select new AlignmentState
            {
                Score = s, Fit = f, Intent = i, Engagement = e, Tier = tier, TierLocked = locked, Reasons = reasons,
                ModelVersion = version, ScoredAt = scoredAt, HandoffStatus = status, HandoffRule = rule,
                HandoffAt = handoffAt, SlaDue = due, SlaStatus = sla, FirstResponseAt = firstResponse,
            };
        return gen.ToArbitrary();
    }
}
