using Alignment.Cli.Demo;
using Alignment.Cli.Sandbox;
using Alignment.Core.Tiers;
using Alignment.Hosting;
using Alignment.Sync.Crm;
using Alignment.TestKit.Paths;

namespace Alignment.Cli.Tests.Demo;

/// <summary>
/// The demo end to end on a small org (Azurite, Salesforce emulator, Slack sink, a scoring run and a simulated day of
/// sweeps); the report is checked against what the emulator holds and what the sink received afterwards.
/// </summary>
public sealed class DemoRunnerTests
{
    private const string SlaStatusField = "Alignment_SLA_Status__c";
    private const string HandoffRuleField = "Alignment_Handoff_Rule__c";
    private const string TierField = "Alignment_Tier__c";

    private static readonly DemoOptions Options = new() { AccountCount = 200, RepoRoot = RepoPaths.RepoRoot };

    [Fact]
    public async Task RunAsync_SmallOrg_ReportMatchesEmulatorAndSlackSink()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new SimulatedClock(Options.Start);
        var sandboxOptions = new SandboxOptions
        {
            Crms = [CrmKind.Salesforce],
            Seed = Options.Seed,
            AccountCount = Options.AccountCount,
            Time = clock,
            RepoRoot = RepoPaths.RepoRoot,
        };
        await using var sandbox = await SandboxEnvironment.StartAsync(sandboxOptions, null, ct);

        var report = await new DemoRunner(Options, null).RunAsync(sandbox, clock, ct);

        var salesforce = sandbox.Salesforce!;
        var fields = salesforce.AccountIds().ToDictionary(id => id, id => salesforce.GetAccountFields(id)!, StringComparer.Ordinal);

        // Tiers: every account counted once, and each tier's count is what the CRM now shows.
        Assert.Equal(Options.AccountCount, report.Accounts);
        Assert.Equal(Options.AccountCount, report.Tiers.Values.Sum());
        foreach (var tier in new[] { Tier.Tier1, Tier.Tier2, Tier.Tier3 })
        {
            Assert.Equal(fields.Values.Count(f => f[TierField] as string == tier.ToString()), report.Tiers[tier]);
        }

        Assert.Equal(Sync.Runs.RunOutcome.Succeeded, report.Scoring.Outcome);
        Assert.Equal(Options.AccountCount, report.Scoring.Read);

        // Handoffs: the run's count, the CRM's handoffs, and each one's SLA status as written back.
        Assert.NotEmpty(report.Handoffs);
        Assert.Equal(report.Scoring.Handoffs, report.Handoffs.Count);
        Assert.Equal(fields.Values.Count(f => f[HandoffRuleField] is string), report.Handoffs.Count);
        Assert.All(report.Handoffs, h =>
        {
            Assert.True(h.SlaDue > h.HandoffAt, $"{h.AccountId}: due {h.SlaDue:O} not after handoff {h.HandoffAt:O}");
            Assert.Equal(fields[h.AccountId][SlaStatusField] as string, h.SlaStatus);
        });

        // Breaches: some over a simulated day, each past due within the day and not answered in time.
        var breaches = report.Breaches.ToList();
        Assert.NotEmpty(breaches);
        Assert.All(breaches, b =>
        {
            Assert.True(b.SlaDue < report.SimulatedEnd);
            Assert.True(b.FirstResponseAt is null || b.FirstResponseAt > b.SlaDue);
        });
        Assert.Contains(report.Handoffs, h => h.SlaStatus == "Met");

        // Slack: the report shows every message the sink received, readably; one channel alert per breach.
        Assert.Equal(sandbox.Slack.Messages.Count, report.SlackMessages.Count);
        Assert.All(report.SlackMessages, m => Assert.DoesNotContain("<@", m.Text, StringComparison.Ordinal));
        var breachAlerts = report.SlackMessages.Where(m => m.Text.StartsWith("SLA breached", StringComparison.Ordinal)).ToList();
        Assert.Equal(breaches.Count, breachAlerts.Count);
        Assert.All(breachAlerts, m => Assert.Equal("#" + SandboxEnvironment.AlertChannel, m.Where));
        Assert.All(breaches, b => Assert.Single(breachAlerts, m => m.Text.Contains(b.AccountName + " ·", StringComparison.Ordinal)));

        // Handoff DMs: one "New handoff" message per handoff, each to its owner's DM (or the channel without a Slack user).
        var dms = report.SlackMessages.Where(m => m.Text.StartsWith("New handoff", StringComparison.Ordinal)).ToList();
        Assert.Equal(report.Handoffs.Count, dms.Count);
        Assert.Contains(dms, m => m.Where.StartsWith("DM @", StringComparison.Ordinal));
        Assert.All(report.Handoffs, h => Assert.Single(dms, m => m.Text.Contains(h.AccountName + " ·", StringComparison.Ordinal)));

        // A rejection: set by a rep in the CRM, read back from the handoff history ledger into the report.
        var rejection = Assert.Single(report.Rejections);
        Assert.Equal("Rejected", fields[rejection.AccountId]["Alignment_Handoff_Status__c"]);
        Assert.Equal("Rejected", Assert.Single(report.Handoffs, h => h.AccountId == rejection.AccountId).HandoffStatus);
        Assert.Equal(report.Handoffs.Count, report.HandoffsRecorded);
        Assert.DoesNotContain(breaches, b => b.AccountId == rejection.AccountId);

        // The week closes: the digest went to the alert channel once, and the scoreboard of the demo's week counts every
        // handoff of the day, the rejection, and (from the CRM) every account by the tier the emulator holds.
        var board = report.Scoreboard!;
        Assert.True(report.DigestSent);
        Assert.Equal("2026-W47", board.This.Week);
        Assert.Equal(report.Handoffs.Count, board.This.Handoffs);
        Assert.Equal(report.Handoffs.Count, board.This.Sla.Met + board.This.Sla.Breached + board.This.Sla.Pending);
        Assert.Equal(1, Assert.Single(board.This.Rejections).Count);
        Assert.Equal(report.Handoffs.Count(h => h.SlaStatus == "Met"), board.This.Sla.Met);
        Assert.Equal(Options.AccountCount, board.Census!.Accounts);
        Assert.All(board.Census.ByTier, c => Assert.Equal(report.Tiers[c.Key], c.Count));
        // Tier movements: each account from the tier the generated org seeded to the tier the emulator holds now.
        static int Rank(Core.Tiers.Tier t) => t == Core.Tiers.Tier.None ? 0 : 4 - (int)t;
        var moves = sandbox.Org.Accounts.Select(a => (From: a.Current.Tier,
            To: Enum.TryParse<Core.Tiers.Tier>(fields[a.Id][TierField] as string, out var tier) ? tier : Core.Tiers.Tier.None)).ToList();
        Assert.Equal(
            (moves.Count(m => Rank(m.To) > Rank(m.From) && m.From != Core.Tiers.Tier.None), moves.Count(m => Rank(m.To) < Rank(m.From)),
             moves.Count(m => m.From == Core.Tiers.Tier.None && m.To != Core.Tiers.Tier.None)),
            (board.This.Movements.Up, board.This.Movements.Down, board.This.Movements.New));
        var digest = Assert.Single(report.SlackMessages, m => m.Text.StartsWith("Weekly scoreboard 2026-W47", StringComparison.Ordinal));
        Assert.Equal("#" + SandboxEnvironment.AlertChannel, digest.Where);

        // API calls: the connector's own count is what the emulator served; the sink's count is the sink's.
        var served = salesforce.Requests;
        Assert.Equal(served.Token + served.Reads + served.Writes, report.ApiUsage.ConnectorCrmCalls);
        Assert.Equal(sandbox.Slack.TotalRequests, report.ApiUsage.SlackRequests);
        Assert.Equal((int)(Options.Length / Options.SweepEvery), report.Sweeps);
    }
}
