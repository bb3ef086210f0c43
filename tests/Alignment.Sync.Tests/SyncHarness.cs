using Alignment.Core.Accounts;
using Alignment.Core.Signals;
using Alignment.Sync.Handoffs;
using Alignment.Sync.History;
using Alignment.Sync.Inbox;
using Alignment.Sync.Plan;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Alignment.Sync.Sla;
using Alignment.TestKit.Builders;
using Alignment.TestKit.Fakes;
using Alignment.TestKit.Scoring;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Alignment.Sync.Tests;

/// <summary>
/// The jobs wired to in-memory fakes and a fake clock, on stores that survive a "crash" (a job that threw is simply
/// run again on the same harness, as a restarted process would).
/// </summary>
internal sealed class SyncHarness
{
    /// <summary>Friday 2026-11-20 15:00 UTC = 10:00 in New York (the default owner's zone).</summary>
    public static readonly DateTimeOffset T0 = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    public SyncHarness(SyncOptions? options = null)
    {
        Time = new FakeTimeProvider(T0);
        Crm = new InMemoryCrm(Time);
        Options = options ?? new SyncOptions();
        Rules = AlignmentRules.From(DefaultScoringModel.Value);
    }

    public FakeTimeProvider Time { get; }
    public InMemoryCrm Crm { get; }
    public SyncOptions Options { get; }
    public AlignmentRules Rules { get; }
    public InMemoryCheckpointStore Checkpoints { get; } = new();
    public InMemoryTierHistoryStore TierHistory { get; } = new();
    public InMemoryRunLedger Runs { get; } = new();
    public InMemoryAlertLedger AlertLedger { get; } = new();
    public InMemoryWebhookInbox Inbox { get; } = new();
    public InMemoryHandoffHistory History { get; } = new();
    public InMemoryWriteLog WriteLog { get; } = new();
    public InMemoryScoreboardHistory Scoreboards { get; } = new();
    public RecordingAlertChannel Channel { get; } = new();

    public DateTimeOffset Now => Time.GetUtcNow();

    public ScoringRunJob ScoringJob() =>
        new(Crm, Checkpoints, TierHistory, Runs, new AccountPlanner(Rules), Announcer(), Recorder(), Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<ScoringRunJob>.Instance);

    public HistoryRecorder Recorder() => new(History, WriteLog);

    public Alignment.Sync.Scoreboard.ScoreboardJob ScoreboardJob(params Alignment.Sync.Calibration.IOutcomeReader[] outcomes) =>
        new(History, WriteLog, Scoreboards, Crm, outcomes, Rules, Microsoft.Extensions.Options.Options.Create(Options), Time);

    public HandoffAnnouncer Announcer() =>
        new(AlertLedger, new AlertDelivery(AlertLedger, Channel, Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<AlertDelivery>.Instance),
            Microsoft.Extensions.Options.Options.Create(Options), NullLogger<HandoffAnnouncer>.Instance);

    public InboxDrainJob DrainJob() =>
        new(Inbox, Crm, TierHistory, new AccountPlanner(Rules), Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<InboxDrainJob>.Instance);

    public WebhookIntakeJob IntakeJob() =>
        new([new TestWebhookParser("test")], Inbox, Time, NullLogger<WebhookIntakeJob>.Instance);

    public SlaSweepJob SweepJob() =>
        new(Crm, AlertLedger,
            new AlertDelivery(AlertLedger, Channel, Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<AlertDelivery>.Instance),
            Runs, Rules, new SlaPlanner(Rules, Microsoft.Extensions.Options.Options.Create(Options)), Recorder(), Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<SlaSweepJob>.Instance);

    public PlanJob PlanJob(AlignmentRules? candidate = null) =>
        new(Crm, Checkpoints, TierHistory, AlertLedger, new AccountPlanner(candidate ?? Rules), new SlaPlanner(candidate ?? Rules), Microsoft.Extensions.Options.Options.Create(Options), Time);

    public Task<ScoringRunResult> ScoreAsync(bool full = false) =>
        ScoringJob().RunAsync(new ScoringRunRequest(full), TestContext.Current.CancellationToken);

    public Task<SlaSweepResult> SweepAsync() => SweepJob().RunAsync(TestContext.Current.CancellationToken);

    public Task<InboxDrainResult> DrainAsync() => DrainJob().RunAsync(TestContext.Current.CancellationToken);

    /// <summary>Adds an account last modified <paramref name="modifiedAgo"/> before now.</summary>
    public Account Add(AccountBuilder builder, TimeSpan? modifiedAgo = null)
    {
        var account = builder.Build();
        Crm.Put(account, Now - (modifiedAgo ?? TimeSpan.FromDays(1)));
        return account;
    }

    /// <summary>Full fit, heavy recent intent and engagement from three contacts, a meeting booked: Tier 1 and a tier1-meeting handoff.</summary>
    public AccountBuilder Hot(string id)
    {
        var b = AccountBuilder.AnAccount().WithId(id);
        for (var i = 0; i < 7; i++)
        {
            b.WithSignal(SignalBuilder.A(SignalKind.PricingPageView).At(Now.AddHours(-2 - i)).By("003A0" + (i % 3)));
        }

        return b
            .WithSignal(SignalBuilder.A(SignalKind.DemoAttended).At(Now.AddHours(-3)).By("003A01"))
            .WithSignal(SignalBuilder.A(SignalKind.MeetingBooked).At(Now.AddHours(-4)).By("003A02"))
            .WithSignal(SignalBuilder.A(SignalKind.EmailReply).At(Now.AddHours(-5)).By("003A03"));
    }

    /// <summary>Full fit, no signals: score 40, Tier 3, no handoff.</summary>
    public static AccountBuilder Warm(string id) => AccountBuilder.AnAccount().WithId(id);

    /// <summary>No fit, no signals: score 0, no tier.</summary>
    public static AccountBuilder Cold(string id) => AccountBuilder.AnAccount().WithId(id).WithNoFit();
}
