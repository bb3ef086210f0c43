using System.Diagnostics;
using System.Diagnostics.Metrics;
using Alignment.Core.Tiers;
using Alignment.Functions.Tests.Triggers;
using Alignment.Functions.Triggers;
using Alignment.Sync.Inbox;
using Alignment.Sync.Runs;
using Alignment.Sync.Sla;
using Alignment.Sync.Telemetry;
using Alignment.TestKit.Builders;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Alignment.Functions.Tests.Telemetry;

/// <summary>
/// A real scoring run through its timer function emits one activity tagged with run id, kind, outcome and CRM, and the
/// counters with the run's figures; no tag or log carries an e-mail address, an account name or a token.
/// </summary>
[Collection(SyncTelemetryCollection.Name)]
public sealed class JobTelemetryTests : IDisposable
{
    private readonly List<Activity> _activities = [];
    private readonly Dictionary<string, long> _counters = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, object?>> _metricTags = [];
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener = new();
    private readonly FakeLogCollector _logs = new();

    public JobTelemetryTests()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SyncTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (_activities)
                {
                    _activities.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SyncTelemetry.SourceName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (_counters)
            {
                _counters[instrument.Name] = _counters.GetValueOrDefault(instrument.Name) + value;
                _metricTags.AddRange(tags.ToArray());
            }
        });
        _meterListener.Start();
    }

    public void Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    [Fact]
    public async Task ScoreAccounts_FirstRun_OneTracedRunAndItsCountersWithoutPersonalData()
    {
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        var h = new JobHarness(loggers);
        h.AddAccount("001A");
        h.AddAccount("001B");
        h.AddAccount("001C");

        await new ScoreAccountsFunction(h.ScoringJob()).RunAsync(new TimerInfo(), CancellationToken.None);

        var run = Assert.Single(h.Runs.All);
        var activity = Assert.Single(_activities, a => (string?)a.GetTagItem("alignment.run.id") == run.RunId);
        Assert.Equal("scoring-run", activity.OperationName);
        Assert.Equal(run.Kind.Name(), activity.GetTagItem("alignment.run.kind"));
        Assert.Equal(RunOutcome.Succeeded.ToString(), activity.GetTagItem("alignment.run.outcome"));
        Assert.Equal("salesforce", activity.GetTagItem("alignment.crm"));
        Assert.Equal(ActivityStatusCode.Ok, activity.Status);
        Assert.Equal(3L, _counters["alignment.accounts.read"]);
        Assert.Equal(3L, _counters["alignment.accounts.scored"]);
        Assert.Equal((long)run.Written, _counters["alignment.accounts.written"]);
        Assert.Equal((long)run.ApiCalls, _counters["alignment.crm.api_calls"]);
        Assert.True(run.ApiCalls > 0);
        Assert.Equal(1L, _counters["alignment.runs"]);

        var texts = activity.TagObjects.Select(t => t.Value?.ToString() ?? "")
            .Concat(_metricTags.Select(t => t.Value?.ToString() ?? ""))
            .Concat(_logs.GetSnapshot().Select(r => r.Message))
            .ToList();
        Assert.NotEmpty(_logs.GetSnapshot());
        Assert.DoesNotContain(texts, t => t.Contains('@', StringComparison.Ordinal) || t.Contains("Acme", StringComparison.Ordinal) || t.Contains("token", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task DrainInbox_TwoDeliveriesForOneAccount_OneTracedDrainWithItsItemsAndAnEmptyInbox()
    {
        var h = new JobHarness();
        h.AddAccount("001A");
        await h.Inbox.AddAsync(
        [
            new InboxItem { EventId = "hubspot:1", Source = "hubspot", AccountIds = ["001A"], ReceivedAt = JobHarness.T0 },
            new InboxItem { EventId = "hubspot:2", Source = "hubspot", AccountIds = ["001A"], ReceivedAt = JobHarness.T0 },
        ], CancellationToken.None);

        await new DrainInboxFunction(h.DrainJob()).RunAsync(new TimerInfo(), CancellationToken.None);

        var activity = Assert.Single(_activities, a => a.OperationName == InboxDrainJob.Kind.Name());
        Assert.StartsWith("salesforce:inbox-drain:", (string?)activity.GetTagItem("alignment.run.id"), StringComparison.Ordinal);
        Assert.Equal(RunOutcome.Succeeded.ToString(), activity.GetTagItem("alignment.run.outcome"));
        Assert.Equal(2, activity.GetTagItem("alignment.inbox.done"));
        Assert.Equal(0, activity.GetTagItem("alignment.inbox.depth"));
        Assert.Equal(2L, _counters["alignment.inbox.items"]);
        Assert.Contains(_metricTags, t => t.Key == "alignment.inbox.state" && (string?)t.Value == "done");
        Assert.Equal(0L, _counters["alignment.inbox.depth"]);
        Assert.Equal(1L, _counters["alignment.accounts.read"]);
        Assert.Equal(1L, _counters["alignment.runs"]);
    }

    [Fact]
    public async Task DrainInbox_StoppedBeforeTheBacklogEnds_ReportsTheDepthLeft()
    {
        var h = new JobHarness();
        h.Options.InboxBatchSize = 2;
        h.Options.InboxDrainTimeLimit = TimeSpan.Zero;
        foreach (var i in Enumerable.Range(1, 5))
        {
            h.AddAccount($"001{i}");
            await h.Inbox.AddAsync([new InboxItem { EventId = $"hubspot:{i}", Source = "hubspot", AccountIds = [$"001{i}"], ReceivedAt = JobHarness.T0 }], CancellationToken.None);
        }

        var result = await h.DrainJob().RunAsync(CancellationToken.None);

        Assert.Equal((2, 3), (result.Done, result.Depth));
        Assert.Equal(3, Assert.Single(_activities, a => a.OperationName == InboxDrainJob.Kind.Name()).GetTagItem("alignment.inbox.depth"));
        Assert.Equal(3L, _counters["alignment.inbox.depth"]);
    }

    [Fact]
    public async Task SweepSla_HandoffPastItsDue_CountsOneBreachOnceWhateverTheSweeps()
    {
        var h = new JobHarness();
        h.Crm.Put(AccountBuilder.AnAccount().WithId("001A").WithTier(Tier.Tier1).WithOpenHandoff(JobHarness.T0.AddHours(-30), JobHarness.T0.AddHours(-2)).Build(), JobHarness.T0.AddHours(-30));

        var first = await h.SweepJob().RunAsync(CancellationToken.None);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await h.SweepJob().RunAsync(CancellationToken.None);

        Assert.Equal((1, 0), (first.Breaches, second.Breaches));
        Assert.Equal(1L, _counters["alignment.sla.breaches"]);
        Assert.Equal([1, 0], _activities.Where(a => a.OperationName == SlaSweepJob.Kind.Name()).Select(a => (int?)a.GetTagItem("alignment.sla.breaches")));
    }
}
