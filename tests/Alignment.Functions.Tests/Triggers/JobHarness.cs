using Alignment.Sync.Alerts;
using Alignment.Sync.Calibration;
using Alignment.Sync.Handoffs;
using Alignment.Sync.History;
using Alignment.Sync.Inbox;
using Alignment.Sync.Scoreboard;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Alignment.Sync.Sla;
using Alignment.TestKit.Builders;
using Alignment.TestKit.Fakes;
using Alignment.TestKit.Paths;
using Alignment.TestKit.Scoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Alignment.Functions.Tests.Triggers;

/// <summary>The real jobs over the test kit's in-memory ports and a fake clock, for driving the timer functions.</summary>
internal sealed class JobHarness
{
    /// <summary>Thursday 2026-12-03 15:00 UTC.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 12, 3, 15, 0, 0, TimeSpan.Zero);

    private readonly ILoggerFactory _loggers;

    public JobHarness(ILoggerFactory? loggers = null)
    {
        this._loggers = loggers ?? NullLoggerFactory.Instance;
        Crm = new InMemoryCrm(Time, "salesforce");
    }

    public FakeTimeProvider Time { get; } = new(T0);
    public InMemoryCrm Crm { get; }
    public SyncOptions Options { get; } = new();
    public AlignmentRules Rules { get; } = AlignmentRules.From(DefaultScoringModel.Value);
    public InMemoryCheckpointStore Checkpoints { get; } = new();
    public InMemoryTierHistoryStore TierHistory { get; } = new();
    public InMemoryRunLedger Runs { get; } = new();
    public InMemoryAlertLedger AlertLedger { get; } = new();
    public InMemoryWebhookInbox Inbox { get; } = new();
    public RecordingAlertChannel Channel { get; } = new();

    public InMemoryHandoffHistory HandoffHistory { get; } = new();
    public InMemoryWriteLog WriteLog { get; } = new();
    public InMemoryScoreboardHistory ScoreboardHistory { get; } = new();
    public InMemoryPartitionQueue PartitionQueue { get; } = new();
    public InMemoryPartitionLedger PartitionLedger { get; } = new();

    public Alignment.Sync.Partitions.PartitionPlanJob PartitionPlanJob() =>
        new(Crm, Crm, PartitionLedger, PartitionQueue, MsOptions.Create(Options), Time, _loggers.CreateLogger<Alignment.Sync.Partitions.PartitionPlanJob>());

    public Alignment.Sync.Partitions.PartitionRunJob PartitionRunJob() =>
        new(ScoringJob(), PartitionLedger, Runs, Checkpoints, Time, _loggers.CreateLogger<Alignment.Sync.Partitions.PartitionRunJob>());

    public Alignment.Functions.Triggers.FullRescoreFunction FullRescoreFunction() =>
        new(ScoringJob(), PartitionPlanJob(), MsOptions.Create(Options));

    public ScoringRunJob ScoringJob() =>
        new(Crm, Checkpoints, TierHistory, Runs, new AccountPlanner(Rules),
            new HandoffAnnouncer(AlertLedger, Delivery(), MsOptions.Create(Options), _loggers.CreateLogger<HandoffAnnouncer>()),
            Recorder(), MsOptions.Create(Options), Time, _loggers.CreateLogger<ScoringRunJob>());

    public SlaSweepJob SweepJob() =>
        new(Crm, AlertLedger, Delivery(), Runs, Rules, new SlaPlanner(Rules), Recorder(), MsOptions.Create(Options), Time,
            _loggers.CreateLogger<SlaSweepJob>());

    private AlertDelivery Delivery() =>
        new(AlertLedger, Channel, MsOptions.Create(Options), Time, _loggers.CreateLogger<AlertDelivery>());

    private HistoryRecorder Recorder() => new(HandoffHistory, WriteLog);

    public InboxDrainJob DrainJob() =>
        new(Inbox, Crm, TierHistory, new AccountPlanner(Rules), MsOptions.Create(Options), Time, _loggers.CreateLogger<InboxDrainJob>());

    public CalibrationRunJob CalibrationJob(params IOutcomeReader[] outcomes)
    {
        Options.ModelPath = RepoPaths.InRepo("config", "scoring.json");
        return new(Crm, outcomes, new AlignmentModelSource(), AlertLedger, Delivery(), Runs, MsOptions.Create(Options), Time, _loggers.CreateLogger<CalibrationRunJob>());
    }

    public WeeklyDigestJob WeeklyDigestJob()
    {
        Options.ScoreboardTimeZone = "America/New_York";
        var options = MsOptions.Create(Options);
        return new(Crm, new ScoreboardJob(HandoffHistory, WriteLog, ScoreboardHistory, Crm, [], Rules, options, Time), ScoreboardHistory, AlertLedger, Delivery(),
            options, Time, _loggers.CreateLogger<WeeklyDigestJob>());
    }

    /// <summary>An account with full fit and no signals (Tier 3), last modified a day ago.</summary>
    public void AddAccount(string id) => Crm.Put(AccountBuilder.AnAccount().WithId(id).Build(), T0.AddDays(-1));
}
