using System.Globalization;
using Alignment.Sync.Alerts;
using Alignment.Sync.History;
using Alignment.Sync.Scoreboard;
using Alignment.Sync.Settings;
using Alignment.Sync.Sla;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alignment.Sync.Tests.Scoreboard;

/// <summary>
/// The weekly digest: not before Monday 08:00 in the team's zone (in winter and in summer time), then the week that
/// ended, once, whatever the retries, restarts and channel failures; the next week gets its own.
/// </summary>
public sealed class WeeklyDigestJobTests
{
    private readonly SyncHarness _h = new(new SyncOptions { ScoreboardTimeZone = "America/New_York", WeeklyHandoffCommitment = 1 });

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public WeeklyDigestJobTests() =>
        _h.History.AddAsync(
        [
            new HandoffRecord { AccountId = "001A", HandoffAt = Utc("2026-11-17T15:00:00Z"), Due = Utc("2026-11-17T18:00:00Z"), FirstResponseAt = Utc("2026-11-17T16:00:00Z"), Rule = "tier1-meeting", OwnerId = "005A" },
            new HandoffRecord { AccountId = "001B", HandoffAt = Utc("2026-11-18T15:00:00Z"), Due = Utc("2026-11-18T18:00:00Z"), Rule = "mqa", OwnerId = "005B" },
        ], CancellationToken.None).GetAwaiter().GetResult();

    [Theory]
    [InlineData("2026-11-23T12:59:00Z", false)] // Monday 07:59 New York (EST, UTC-5)
    [InlineData("2026-11-23T13:00:00Z", true)]  // Monday 08:00 New York
    [InlineData("2026-11-24T09:00:00Z", true)]  // later in the week: a digest missed on Monday still goes out
    public async Task RunAsync_FromMonday0800TeamTime_TheWeekThatEnded(string now, bool sent)
    {
        _h.Time.SetUtcNow(Utc(now));

        var digest = await Job().RunAsync(Ct);

        Assert.Equal(sent, digest is not null);
        Assert.Equal(sent ? 1 : 0, _h.Channel.Delivered.Count);
        if (sent)
        {
            var alert = Assert.Single(_h.Channel.Delivered);
            Assert.Equal((AlertLevel.WeeklyDigest, $"weekly-digest:{_h.Crm.Name}:2026-W47"), (alert.Level, alert.Key));
            Assert.Equal(("2026-W47", 2, 1), (alert.Digest!.This.Week, alert.Digest.This.Handoffs, alert.Digest.This.Sla.Met));
            Assert.Equal(new OwnerBreaches("005B", 1, 1), Assert.Single(alert.Digest.Owners));
        }
    }

    [Fact]
    public async Task RunAsync_SummerTime_Monday0800IsTwelveUtc()
    {
        _h.Time.SetUtcNow(Utc("2027-06-07T11:59:00Z")); // Monday 07:59 EDT
        Assert.Null(await Job().RunAsync(Ct));

        _h.Time.SetUtcNow(Utc("2027-06-07T12:00:00Z"));
        Assert.Equal("2027-W22", (await Job().RunAsync(Ct))!.This.Week);
    }

    [Fact]
    public async Task RunAsync_HourlyRetriesAndRestarts_OneMessageAWeek()
    {
        _h.Time.SetUtcNow(Utc("2026-11-23T13:05:00Z"));
        _h.Channel.FailNext(1);
        await Job().RunAsync(Ct);
        Assert.Empty(_h.Channel.Delivered);

        for (var hour = 1; hour <= 5; hour++)
        {
            _h.Time.SetUtcNow(Utc("2026-11-23T13:05:00Z").AddHours(hour));
            await Job().RunAsync(Ct);
        }

        Assert.Single(_h.Channel.Delivered);
        _h.Time.SetUtcNow(Utc("2026-11-30T13:05:00Z"));
        await Job().RunAsync(Ct);
        Assert.Equal(["2026-W47", "2026-W48"], _h.Channel.Delivered.Select(a => a.AccountId));
    }

    [Fact]
    public async Task RunAsync_Sent_CarriesTheAccountsAndStoresTheWeeksRow()
    {
        _h.Crm.Put(Alignment.TestKit.Builders.AccountBuilder.AnAccount().WithId("001T1").WithCurrent(c => c with { Tier = Core.Tiers.Tier.Tier1 }).Build(), Utc("2026-11-20T00:00:00Z"));
        _h.Options.ScoreboardUrl = new Uri("https://example.lightning.force.com/lightning/r/Dashboard/01Z000000000001AAA/view");
        _h.Time.SetUtcNow(Utc("2026-11-23T13:05:00Z"));

        var digest = await Job().RunAsync(Ct);

        Assert.Equal((1, 0, 1), (digest!.Accounts!.Tier1, digest.Accounts.Tier2, digest.Accounts.AwaitingConfirmation));
        Assert.Equal(_h.Options.ScoreboardUrl, digest.ScoreboardUrl);
        var row = Assert.Single(_h.Scoreboards.All);
        Assert.Equal((_h.Crm.Name, "2026-W47", 2, 1), (row.Crm, row.Scoreboard.Week, row.Scoreboard.Handoffs, row.Census!.ByTier.Single(c => c.Key == Core.Tiers.Tier.Tier1).Count));
    }

    [Fact]
    public async Task RunAsync_CrmDown_TheDigestGoesOutWithoutTheAccountsAndSaysSo()
    {
        _h.Crm.FailCalls(1, 100);
        _h.Time.SetUtcNow(Utc("2026-11-23T13:05:00Z"));

        var digest = await Job().RunAsync(Ct);

        Assert.Null(digest!.Accounts);
        Assert.Contains("could not be read", Assert.Single(digest.Notes), StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(_h.Channel.Delivered).Digest!.This.Handoffs);
        Assert.Null(Assert.Single(_h.Scoreboards.All).Census);
    }

    private WeeklyDigestJob Job()
    {
        var options = Microsoft.Extensions.Options.Options.Create(_h.Options);
        return new WeeklyDigestJob(
            _h.Crm,
            _h.ScoreboardJob(),
            _h.Scoreboards,
            _h.AlertLedger,
            new AlertDelivery(_h.AlertLedger, _h.Channel, options, _h.Time, NullLogger<AlertDelivery>.Instance),
            options,
            _h.Time,
            NullLogger<WeeklyDigestJob>.Instance);
    }
}
