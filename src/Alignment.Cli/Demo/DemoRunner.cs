using System.Globalization;
using System.Text.RegularExpressions;
using Alignment.Cli.Composition;
using Alignment.Cli.Sandbox;
using Alignment.Core.Handoffs;
using Alignment.Core.Signals;
using Alignment.Core.Tiers;
using Alignment.Hosting;
using Alignment.Sandbox.Salesforce;
using Alignment.Sync.Crm;
using Alignment.Sync.History;
using Alignment.Sync.Scoreboard;
using Alignment.Sync.Scoring;
using Alignment.Sync.Sla;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Cli.Demo;

/// <summary>
/// The end-to-end demo on a fresh machine, no credentials: Azurite and the Salesforce emulator seeded with a generated
/// org, one full scoring run, then a simulated business day of SLA sweeps while some reps answer their handoffs in
/// time, some late and some never, and one rep rejects a handoff; the owners get a DM per handoff and alerts go to the
/// Slack sink; a closing incremental scoring run picks up the rejection into the handoff history, which the report
/// reads back; then the week closes — the clock jumps to the next Monday 08:05 team time, the weekly digest goes to the
/// alert channel and the week's scoreboard is read (docs/scoreboard.md). Everything is stopped and removed at the end.
/// </summary>
internal sealed partial class DemoRunner(DemoOptions options, IProgress<string>? progress)
{
    private const string TierField = "Alignment_Tier__c";
    private const string HandoffRuleField = "Alignment_Handoff_Rule__c";
    private const string HandoffAtField = "Alignment_Handoff_At__c";
    private const string SlaDueField = "Alignment_SLA_Due__c";
    private const string SlaStatusField = "Alignment_SLA_Status__c";
    private const string FirstResponseField = "Alignment_First_Response_At__c";
    private const string HandoffStatusField = "Alignment_Handoff_Status__c";

    public async Task<DemoReport> RunAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var clock = new SimulatedClock(options.Start);
        var sandboxOptions = new SandboxOptions
        {
            Crms = [CrmKind.Salesforce],
            Seed = options.Seed,
            AccountCount = options.AccountCount,
            Time = clock,
            RepoRoot = options.RepoRoot,
        };
        var sandbox = await SandboxEnvironment.StartAsync(sandboxOptions, progress, cancellationToken).ConfigureAwait(false);
        await using (sandbox.ConfigureAwait(false))
        {
            var report = await RunAsync(sandbox, clock, cancellationToken).ConfigureAwait(false);
            return report with { Elapsed = TimeProvider.System.GetElapsedTime(started) };
        }
    }

    /// <summary>
    /// The demo in a sandbox already started (with the Salesforce emulator and Azurite) whose emulators run on
    /// <paramref name="clock"/>, set at <see cref="DemoOptions.Start"/>; the caller stops the sandbox.
    /// </summary>
    internal async Task<DemoReport> RunAsync(SandboxEnvironment sandbox, SimulatedClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(clock);
        var started = TimeProvider.System.GetTimestamp();
        var salesforce = sandbox.Salesforce ?? throw new InvalidOperationException("The demo needs the Salesforce emulator.");
        var settings = new Dictionary<string, string?>(sandbox.ConnectorSettings(CrmKind.Salesforce), StringComparer.OrdinalIgnoreCase)
        {
            // The day is simulated but the Slack pacing waits in real time; the sink has no rate limit to respect.
            ["Alignment:Slack:MessagesPerSecondPerChannel"] = "100",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = CliServices.Build(configuration, verbose: false, s => s.AddSingleton<TimeProvider>(clock));
        await using (services.ConfigureAwait(false))
        {
            progress?.Report(Invariant($"Scoring {sandbox.Org.Accounts.Count} accounts (full run) at {clock.GetUtcNow():u}..."));
            var scoringStarted = TimeProvider.System.GetTimestamp();
            var scoring = await services.GetRequiredService<ScoringRunJob>().RunAsync(new ScoringRunRequest(Full: true), cancellationToken).ConfigureAwait(false);
            var scoringTook = TimeProvider.System.GetElapsedTime(scoringStarted);
            var tiers = CountTiers(salesforce);
            var handoffIds = salesforce.AccountIds().Where(id => salesforce.GetAccountFields(id)?[HandoffRuleField] is string).ToList();
            var responses = PlanResponses(handoffIds, salesforce);

            // One rep rejects an unanswered handoff an hour into the day (the first such account by id).
            var rejected = handoffIds.Order(StringComparer.Ordinal).FirstOrDefault(id => responses.All(r => r.AccountId != id));
            var rejectAt = options.Start + TimeSpan.FromHours(1);

            progress?.Report(Invariant($"Simulating the day: an SLA sweep every {options.SweepEvery.TotalMinutes:0} minutes until {options.Start + options.Length:u}..."));
            var sweeps = 0;
            var sweepCalls = 0;
            for (var now = options.Start + options.SweepEvery; now <= options.Start + options.Length; now += options.SweepEvery)
            {
                cancellationToken.ThrowIfCancellationRequested();
                clock.AdvanceTo(now);
                if (rejected is not null && rejectAt <= now && rejectAt > now - options.SweepEvery)
                {
                    salesforce.SetAccountField(rejected, HandoffStatusField, "Rejected");
                }

                foreach (var (accountId, at) in responses.Where(r => r.At <= now && r.At > now - options.SweepEvery))
                {
                    salesforce.AddSignal(accountId, new Signal(SignalKind.SalesTouch, at, Subject: "Call"));
                }

                using var scope = services.CreateScope();
                var sweep = await scope.ServiceProvider.GetRequiredService<SlaSweepJob>().RunAsync(cancellationToken).ConfigureAwait(false);
                sweeps++;
                sweepCalls += sweep.ApiCalls;
            }

            // The closing incremental run reads what reps changed (the rejection) into the handoff history.
            var closing = await services.GetRequiredService<ScoringRunJob>().RunAsync(new ScoringRunRequest(Full: false), cancellationToken).ConfigureAwait(false);
            var history = services.GetRequiredService<IHandoffHistory>();
            var recorded = new List<HandoffRecord>();
            for (var week = IsoWeek.Of(options.Start); week.Start <= clock.GetUtcNow(); week = IsoWeek.Of(week.Start.AddDays(7)))
            {
                await foreach (var record in history.ListForWeekAsync(week, cancellationToken).ConfigureAwait(false))
                {
                    recorded.Add(record);
                }
            }

            // The week closes: the clock jumps to the next Monday 08:05 in the team's zone, when the weekly digest is due
            // (it posts to the alert channel and stores the week's row), and the scoreboard of the demo's week is read.
            var scoreboardJob = services.GetRequiredService<ScoreboardJob>();
            var demoWeek = TeamWeek.Of(options.Start, scoreboardJob.Zone());
            var digestAt = demoWeek.End + (WeeklyDigestJob.DueAt - TimeOnly.MinValue) + TimeSpan.FromMinutes(5);
            progress?.Report(Invariant($"Closing the week: the weekly digest at {digestAt:u}, then the scoreboard of {demoWeek}..."));
            clock.AdvanceTo(digestAt);
            var crm = services.GetRequiredService<Sync.Crm.ICrm>();
            var scoreboardCallsBefore = crm.GetUsage().Calls;
            var digest = await services.GetRequiredService<WeeklyDigestJob>().RunAsync(cancellationToken).ConfigureAwait(false);
            var scoreboard = await scoreboardJob.RunAsync(demoWeek.Week, readCrm: true, cancellationToken).ConfigureAwait(false);
            var scoreboardCalls = crm.GetUsage().Calls - scoreboardCallsBefore;

            var counts = salesforce.Requests;
            var names = sandbox.Org.Accounts.ToDictionary(a => a.Id, a => a, StringComparer.Ordinal);
            var users = sandbox.SlackUsers.ToDictionary(p => p.Value, p => p.Key.Split('@')[0], StringComparer.Ordinal);
            return new DemoReport
            {
                SimulatedStart = options.Start,
                SimulatedEnd = clock.GetUtcNow(),
                Seed = options.Seed,
                Accounts = sandbox.Org.Accounts.Count,
                ModelVersion = scoring.ModelVersion,
                Tiers = tiers,
                Scoring = new DemoRunSummary(scoring.Outcome, scoring.Read, scoring.Written, scoring.Handoffs, scoring.ApiCalls, scoringTook),
                Handoffs = [.. handoffIds.Select(id => Handoff(id, salesforce.GetAccountFields(id)!, names[id])).OrderBy(h => h.SlaDue)],
                Sweeps = sweeps,
                HandoffsRecorded = recorded.Count,
                Rejections = [.. recorded.Where(r => r.Status == HandoffStatus.Rejected)
                    .Select(r => new DemoRejection(r.AccountId, r.AccountName ?? r.AccountId, r.Rule, r.HandoffAt, r.RejectionReason, r.UpdatedAt))],
                SlackMessages = [.. sandbox.Slack.Messages.Select(m => new DemoSlackMessage(m.ReceivedAt, Where(m.Channel, users), Readable(m.Text ?? "", users)))],
                Scoreboard = scoreboard,
                DigestSent = digest is not null,
                ApiUsage = new DemoApiUsage(scoring.ApiCalls + sweepCalls + closing.ApiCalls + scoreboardCalls, counts.Token, counts.Reads, counts.Writes, sandbox.Slack.TotalRequests),
                Elapsed = TimeProvider.System.GetElapsedTime(started),
            };
        }
    }

    private static Dictionary<Tier, int> CountTiers(SalesforceEmulator salesforce)
    {
        var tiers = Enum.GetValues<Tier>().ToDictionary(t => t, _ => 0);
        foreach (var id in salesforce.AccountIds())
        {
            var value = salesforce.GetAccountFields(id)?[TierField] as string;
            tiers[Enum.TryParse<Tier>(value, out var tier) ? tier : Tier.None]++;
        }

        return tiers;
    }

    // Reps answer about half of their handoffs in time, a fifth late, and the rest not today (deterministic by seed).
    private List<(string AccountId, DateTimeOffset At)> PlanResponses(IReadOnlyList<string> handoffIds, SalesforceEmulator salesforce)
    {
#pragma warning disable CA5394 // A seeded sequence for a reproducible demo, not security.
        var random = new Random(options.Seed);
        var responses = new List<(string, DateTimeOffset)>();
        foreach (var id in handoffIds)
        {
            var fields = salesforce.GetAccountFields(id)!;
            if (fields[HandoffAtField] is not DateTimeOffset at || fields[SlaDueField] is not DateTimeOffset due)
            {
                continue;
            }

            var roll = random.NextDouble();
            var window = Math.Max((due - at).TotalMinutes, 30);
            DateTimeOffset? answer = roll switch
            {
                < 0.5 => at.AddMinutes(5 + (random.NextDouble() * (window - 20))),
                < 0.7 => due.AddMinutes(20 + (random.NextDouble() * 160)),
                _ => null,
            };
#pragma warning restore CA5394
            if (answer is { } instant)
            {
                var whole = new DateTimeOffset(instant.Year, instant.Month, instant.Day, instant.Hour, instant.Minute, 0, TimeSpan.Zero);
                responses.Add((id, whole));
            }
        }

        return responses;
    }

    private static DemoHandoff Handoff(string id, IReadOnlyDictionary<string, object?> fields, Core.Accounts.Account account) =>
        new(
            id,
            account.Name ?? id,
            Enum.TryParse<Tier>(fields[TierField] as string, out var tier) ? tier : Tier.None,
            fields[HandoffRuleField] as string ?? "",
            fields[HandoffAtField] as DateTimeOffset? ?? default,
            fields[SlaDueField] as DateTimeOffset? ?? default,
            account.Owner?.TimeZone ?? "",
            fields[SlaStatusField] as string ?? "",
            fields[HandoffStatusField] as string ?? "",
            fields[FirstResponseField] as DateTimeOffset?);

    private static string Where(string channel, IReadOnlyDictionary<string, string> users) =>
        users.TryGetValue(channel, out var user) ? "DM @" + user : "#" + channel;

    // Slack mrkdwn → plain text: mentions by name, links by label, entities decoded.
    private static string Readable(string text, IReadOnlyDictionary<string, string> users)
    {
        var mentions = Mention().Replace(text, m => users.TryGetValue(m.Groups[1].Value, out var user) ? "@" + user : "@" + m.Groups[1].Value);
        var links = Link().Replace(mentions, m => m.Groups[2].Success ? m.Groups[2].Value : m.Groups[1].Value);
        return links.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("<@([A-Z0-9]+)>")]
    private static partial Regex Mention();

    [GeneratedRegex("<(https?://[^|>]+)(?:\\|([^>]+))?>")]
    private static partial Regex Link();
}
