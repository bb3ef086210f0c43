using Alignment.Core.Accounts;
using Alignment.Core.Tiers;
using Alignment.Sync.Alerts;
using Alignment.Sync.Handoffs;
using Alignment.Sync.Settings;
using Alignment.Sync.State;
using Alignment.TestKit.Builders;

namespace Alignment.Sync.Tests.Handoffs;

/// <summary>The scoring run's handoff DMs and tier-crossing digest, through the jobs (in-memory CRM, ledger and channel).</summary>
public sealed class HandoffAnnouncerTests
{
    private readonly SyncHarness _h = new();

    [Fact]
    public async Task ScoringRun_NewHandoff_OwnerGetsOneDirectMessageWithRuleDueAndReasons()
    {
        _h.Add(_h.Hot("001HOT"));

        var result = await _h.ScoreAsync();

        var dm = Assert.Single(_h.Channel.Delivered, a => a.Level == AlertLevel.Handoff);
        var state = _h.Crm.Get("001HOT").Current;
        Assert.Equal(("001HOT", "tier1-meeting", Tier.Tier1, state.SlaDue!.Value), (dm.AccountId, dm.HandoffRule, dm.Tier, dm.SlaDue));
        Assert.Equal(state.Reasons, dm.Reasons);
        Assert.Equal(state.Score, dm.Score);
        Assert.Equal("handoff|001HOT|2026-11-20T15:00:00Z", dm.Key);
        Assert.Equal((1, 1), (result.HandoffMessages, result.Handoffs));
    }

    [Fact]
    public async Task ScoringRun_Rerun_NoSecondDirectMessage()
    {
        _h.Add(_h.Hot("001HOT"));

        await _h.ScoreAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(15));
        var second = await _h.ScoreAsync(full: true);

        Assert.Single(_h.Channel.Delivered, a => a.Level == AlertLevel.Handoff);
        Assert.Equal(0, second.HandoffMessages);
    }

    [Fact]
    public async Task ScoringRun_SlackDownAtHandoff_DirectMessageSentOnceByTheNextRun()
    {
        _h.Add(_h.Hot("001HOT"));
        _h.Channel.FailNext(2);

        var first = await _h.ScoreAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(15));
        await _h.ScoreAsync();

        Assert.Equal(0, first.AlertsSent);
        Assert.Single(_h.Channel.Delivered, a => a.Level == AlertLevel.Handoff);
        Assert.All(_h.AlertLedger.All, e => Assert.Equal(AlertLedgerState.Sent, e.State));
    }

    [Fact]
    public async Task ScoringRun_KilledAfterLedgerBeforeSend_NextSweepSendsTheDirectMessageOnce()
    {
        _h.Add(_h.Hot("001HOT"));
        _h.Channel.TimeOutWithoutDeliveringNext();

        await _h.ScoreAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(5));
        await _h.SweepAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(5));
        await _h.SweepAsync();

        Assert.Single(_h.Channel.Delivered, a => a.Level == AlertLevel.Handoff);
    }

    [Fact]
    public async Task ScoringRun_FridayEveningHandoffOwnerInBerlin_DueMondayCloseInBerlin()
    {
        // Fri 2026-11-20 22:30Z = 23:30 in Berlin, after hours: Tier 1 is due at the close of Monday 23 Nov, 17:00 CET = 16:00Z.
        _h.Time.SetUtcNow(new DateTimeOffset(2026, 11, 20, 22, 30, 0, TimeSpan.Zero));
        _h.Add(_h.Hot("001HOT").WithOwner(new Owner("005B", "ae@example.com", "Europe/Berlin")));

        await _h.ScoreAsync();

        var dm = Assert.Single(_h.Channel.Delivered, a => a.Level == AlertLevel.Handoff);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero), dm.SlaDue);
        Assert.Equal("Europe/Berlin", dm.Owner?.TimeZone);
    }

    [Fact]
    public async Task ScoringRun_ThreeAccountsCrossToTier1_OneDigestHottestFirst()
    {
        _h.Add(_h.Hot("001A"));
        _h.Add(_h.Hot("001B"));
        _h.Add(_h.Hot("001C"));
        _h.Add(SyncHarness.Warm("001WARM"));

        var result = await _h.ScoreAsync();

        var digest = Assert.Single(_h.Channel.Delivered, a => a.Level == AlertLevel.TierCrossings);
        Assert.Equal(["001A", "001B", "001C"], digest.Crossings!.Select(c => c.AccountId));
        Assert.All(digest.Crossings!, c => Assert.Equal((Tier.None, Tier.Tier1), (c.From, c.To)));
        Assert.Equal(0, digest.CrossingsOmitted);
        Assert.Equal("tiers|" + result.RunId, digest.Key);
        Assert.Equal(3, result.TierCrossings);
    }

    [Fact]
    public async Task ScoringRun_ModelChangeMovesManyAccounts_DigestCappedAndCounted()
    {
        var capped = new SyncHarness(new SyncOptions { MaxTierCrossingsListed = 5, WriteBatchSize = 7 });
        for (var i = 0; i < 30; i++)
        {
            capped.Add(capped.Hot("001H" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)));
        }

        await capped.ScoreAsync();

        var digest = Assert.Single(capped.Channel.Delivered, a => a.Level == AlertLevel.TierCrossings);
        Assert.Equal(5, digest.Crossings!.Count);
        Assert.Equal(25, digest.CrossingsOmitted);
    }

    [Fact]
    public async Task ScoringRun_DigestOff_NoDigestButDirectMessages()
    {
        var off = new SyncHarness(new SyncOptions { MaxTierCrossingsListed = 0 });
        off.Add(off.Hot("001A"));

        await off.ScoreAsync();

        Assert.DoesNotContain(off.Channel.Delivered, a => a.Level == AlertLevel.TierCrossings);
        Assert.Single(off.Channel.Delivered, a => a.Level == AlertLevel.Handoff);
    }

    [Theory]
    [InlineData(Tier.Tier3, Tier.Tier2, true)]
    [InlineData(Tier.None, Tier.Tier1, true)]
    [InlineData(Tier.Tier3, Tier.Tier1, true)]
    [InlineData(Tier.Tier2, Tier.Tier1, true)]
    [InlineData(Tier.None, Tier.Tier2, false)]
    [InlineData(Tier.None, Tier.Tier3, false)]
    [InlineData(Tier.Tier1, Tier.Tier2, false)]
    [InlineData(Tier.Tier1, Tier.Tier1, false)]
    public void IsReported_UpwardCrossings_OnlyTheTwoKinds(Tier from, Tier to, bool reported)
    {
        Assert.Equal(reported, TierCrossing.IsReported(from, to));
    }

    [Fact]
    public async Task ScoringRun_TierLockedAccount_NoCrossingReported()
    {
        _h.Add(_h.Hot("001LOCK").WithTier(Tier.Tier3, locked: true));

        await _h.ScoreAsync();

        Assert.DoesNotContain(_h.Channel.Delivered, a => a.Level == AlertLevel.TierCrossings);
    }

    [Fact]
    public async Task Sweep_HandoffDecidedByTheDrain_DirectMessageOnceWithinTheHour()
    {
        // A webhook-driven handoff (inbox drain) ten minutes ago: the sweep records its DM; a handoff from two hours ago
        // (before this connector sent DMs) gets none.
        _h.Add(AccountBuilder.AnAccount().WithId("001NEW").WithOpenHandoff(_h.Now.AddMinutes(-10), _h.Now.AddHours(6)));
        _h.Add(AccountBuilder.AnAccount().WithId("001OLD").WithOpenHandoff(_h.Now.AddHours(-2), _h.Now.AddHours(6)));

        await _h.SweepAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(5));
        await _h.SweepAsync();

        var dm = Assert.Single(_h.Channel.Delivered, a => a.Level == AlertLevel.Handoff);
        Assert.Equal("001NEW", dm.AccountId);
        Assert.Equal(HandoffAnnouncer.HandoffKey("001NEW", _h.Now.AddMinutes(-15)), dm.Key);
    }
}
