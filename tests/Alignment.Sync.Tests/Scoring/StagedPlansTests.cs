using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.Sync.Alerts;
using Alignment.Sync.Crm;
using Alignment.Sync.History;
using Alignment.Sync.Scoring;
using Alignment.Sync.State;

namespace Alignment.Sync.Tests.Scoring;

public sealed class StagedPlansTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset At = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private static PlanFollowUp FollowUp(string id, bool handoff)
    {
        var values = AlignmentState.Empty with
        {
            Score = 82,
            Tier = Tier.Tier1,
            Reasons = "Fit: industry \"SaaS\", 5,000 employees; intent:\nline two",
            ScoredAt = At,
            HandoffStatus = handoff ? HandoffStatus.Pending : HandoffStatus.None,
            SlaDue = handoff ? At.AddHours(4) : null,
            SlaStatus = handoff ? SlaStatus.OnTrack : null,
            ReviewDue = true,
        };
        var write = new AccountWrite(id, values, new HashSet<AlignmentField> { AlignmentField.Score, AlignmentField.Tier, AlignmentField.ScoreReasons, AlignmentField.ReviewDue });
        var owner = new Owner("005000000000001AAA", "rep@example.com", "Europe/Paris");
        return new PlanFollowUp(
            write,
            At.AddMinutes(-5),
            new AccountChange(id, At, "run-1", [new FieldChange(AlignmentField.Score, null, "82"), new FieldChange(AlignmentField.Tier, "Tier3", "Tier1")]),
            handoff ? new HandoffRecord { AccountId = id, AccountName = "Acme, \"Inc\"", HandoffAt = At, Rule = "tier1", Tier = Tier.Tier1, Score = 82, Due = At.AddHours(4), OwnerId = owner.Id, RunId = "run-1", UpdatedAt = At } : null,
            handoff ? new Alert { Key = "handoff|" + id, Level = AlertLevel.Handoff, AccountId = id, AccountName = "Acme", AccountUrl = new Uri("https://example.my.salesforce.com/lightning/r/Account/" + id + "/view"), Tier = Tier.Tier1, Score = 82, Reasons = values.Reasons, HandoffRule = "tier1", HandoffAt = At, SlaDue = At.AddHours(4), Owner = owner } : null,
            new TierRecord(id, Tier.Tier1, 82, At, "2026.11"),
            new TierCrossing(id, "Acme", null, Tier.Tier3, Tier.Tier1, 82));
    }

    [Fact]
    public async Task FollowUps_ReadBackAsStaged_EveryMember()
    {
        var staged = StagedPlans.Create(null);
        await using (staged)
        {
            var first = FollowUp("001000000000001AAA", handoff: true);
            var second = FollowUp("001000000000002AAA", handoff: false);
            await staged.AddAsync(first, Ct);
            await staged.AddAsync(second, Ct);

            var read = await staged.ReadFollowUpsAsync(Ct).ToListAsync(Ct);

            Assert.Equal(2, staged.Count);
            Assert.Equal([AlignmentField.Score, AlignmentField.Tier, AlignmentField.ScoreReasons, AlignmentField.ReviewDue], staged.Fields.Order());
            Assert.Equal(2, read.Count);
            foreach (var (expected, actual) in new[] { first, second }.Zip(read))
            {
                Assert.Equal(expected.Write.AccountId, actual.Write.AccountId);
                Assert.Equal(expected.Write.Values, actual.Write.Values);
                Assert.Equal(expected.Write.Fields.Order(), actual.Write.Fields.Order());
                Assert.Equal(expected.LastModifiedAt, actual.LastModifiedAt);
                Assert.Equal(expected.Change.Changes, actual.Change.Changes);
                Assert.Equal(expected.Change with { Changes = [] }, actual.Change with { Changes = [] });
                Assert.Equal(expected.Handoff, actual.Handoff);
                Assert.Equal(expected.HandoffAlert, actual.HandoffAlert);
                Assert.Equal(expected.TierRecord, actual.TierRecord);
                Assert.Equal(expected.Crossing, actual.Crossing);
            }

            // The writes, read again as often as the sending needs.
            Assert.Equal(["001000000000001AAA", "001000000000002AAA"], await staged.ReadAsync(Ct).Select(w => w.AccountId).ToListAsync(Ct));
        }
    }

    [Fact]
    public async Task Dispose_DeletesTheFile_AndAddingAfterReadingIsRefused()
    {
        var folder = Path.Combine(Path.GetTempPath(), "staged-plans-test-" + Guid.NewGuid().ToString("N"));
        var staged = StagedPlans.Create(folder);
        await staged.AddAsync(FollowUp("001000000000001AAA", handoff: false), Ct);
        Assert.Single(Directory.GetFiles(folder));
        await staged.ReadFollowUpsAsync(Ct).ToListAsync(Ct);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => staged.AddAsync(FollowUp("001000000000002AAA", handoff: false), Ct));
        Assert.Contains("stage everything before reading", refused.Message, StringComparison.Ordinal);

        await staged.DisposeAsync();
        Assert.Empty(Directory.GetFiles(folder));
        Directory.Delete(folder);
    }
}
