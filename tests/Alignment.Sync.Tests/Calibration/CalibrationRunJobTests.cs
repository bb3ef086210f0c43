using System.Runtime.CompilerServices;
using Alignment.Core.Calibration;
using Alignment.Core.Signals;
using Alignment.Sync.Alerts;
using Alignment.Sync.Calibration;
using Alignment.Sync.Runs;
using Alignment.Sync.Settings;
using Alignment.Sync.Sla;
using Alignment.TestKit.Builders;
using Alignment.TestKit.Paths;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alignment.Sync.Tests.Calibration;

/// <summary>
/// The monthly calibration job: one summary a CRM and month in the alert ledger, delivered once whatever the retries,
/// restarts and channel failures; nothing posted where outcomes cannot be read; a CRM failure records nothing.
/// </summary>
public sealed class CalibrationRunJobTests
{
    private readonly SyncHarness _h = new(new SyncOptions { ModelPath = RepoPaths.InRepo("config", "scoring.json") });
    private readonly FakeOutcomes _outcomes = new();

    public CalibrationRunJobTests()
    {
        // 40 accounts, the even ones active before their opportunity was created and won, the odd ones silent and lost.
        for (var i = 0; i < 40; i++)
        {
            var id = $"001{i:D3}";
            var created = SyncHarness.T0.AddDays(-60);
            var builder = AccountBuilder.AnAccount().WithId(id);
            if (i % 2 == 0)
            {
                builder.WithSignal(SignalBuilder.A(SignalKind.PricingPageView).At(created.AddDays(-3)))
                    .WithSignal(SignalBuilder.A(SignalKind.MeetingBooked).At(created.AddDays(-2)));
            }

            _h.Crm.Put(builder.Build(), created.AddDays(-30));
            _outcomes.Opportunities.Add(new Opportunity($"006{i:D3}", id, created, created.AddDays(20), Won: i % 2 == 0, Amount: 10_000m));
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_FirstInTheMonth_PostsOneSummaryWithTheFiguresAndRecordsTheRun()
    {
        var result = await Job().RunAsync(Ct);

        var alert = Assert.Single(_h.Channel.Delivered);
        Assert.Equal((AlertLevel.Calibration, $"calibration:{_h.Crm.Name}:2026-11"), (alert.Level, alert.Key));
        var summary = Assert.IsType<CalibrationSummary>(alert.Calibration);
        Assert.Equal((40, 20, 40), (summary.Opportunities, summary.Won, summary.Accounts));
        Assert.Equal(DefaultModelVersion(), summary.ModelVersion);
        var composite = Assert.Single(summary.Dimensions, d => d.Dimension == nameof(CalibrationDimension.Composite));
        Assert.True(composite.Auc > 0.9, $"composite AUC {composite.Auc}: active-and-won accounts should rank first");
        Assert.Equal(100, summary.FitWeight + summary.IntentWeight + summary.EngagementWeight);
        Assert.True(result.Recorded);
        var run = Assert.Single(_h.Runs.All);
        Assert.Equal((CalibrationRunJob.Kind, RunOutcome.Succeeded, 1, 40), (run.Kind, run.Outcome, run.AlertsSent, run.Scored));
        Assert.Equal(1, _outcomes.Reads);
    }

    [Fact]
    public async Task RunAsync_RetriedAndRestartedInTheSameMonth_OneMessageAndNoSecondCalibration()
    {
        await Job().RunAsync(Ct);
        _h.Time.Advance(TimeSpan.FromMinutes(1));
        var retry = await Job().RunAsync(Ct);
        _h.Time.Advance(TimeSpan.FromDays(5));
        await Job().RunAsync(Ct);

        Assert.Single(_h.Channel.Delivered);
        Assert.Equal(1, _outcomes.Reads);
        Assert.False(retry.Recorded);
        Assert.Null(retry.Summary);
        Assert.Equal(3, _h.Runs.All.Count);
    }

    [Fact]
    public async Task RunAsync_ChannelDownThenRetried_TheRecordedSummaryIsSentOnceWithoutCalibratingAgain()
    {
        _h.Channel.FailNext(1);
        var first = await Job().RunAsync(Ct);
        Assert.True(first.Recorded);
        Assert.Empty(_h.Channel.Delivered);

        _h.Time.Advance(TimeSpan.FromMinutes(10));
        var second = await Job().RunAsync(Ct);

        Assert.Equal(AlertLevel.Calibration, Assert.Single(_h.Channel.Delivered).Level);
        Assert.Equal((1, 1), (_outcomes.Reads, second.AlertsSent));
    }

    [Fact]
    public async Task RunAsync_NextMonth_ANewSummary()
    {
        await Job().RunAsync(Ct);
        _h.Time.Advance(TimeSpan.FromDays(31));

        await Job().RunAsync(Ct);

        Assert.Equal([$"calibration:{_h.Crm.Name}:2026-11", $"calibration:{_h.Crm.Name}:2026-12"], _h.Channel.Delivered.Select(a => a.Key));
    }

    [Fact]
    public async Task RunAsync_CrmWithoutAnOutcomeReader_PostsNothingAndSaysWhy()
    {
        var result = await Job(withReader: false).RunAsync(Ct);

        Assert.Empty(_h.Channel.Delivered);
        Assert.Equal((RunOutcome.Succeeded, CalibrationRunJob.OutcomesUnsupported), (result.Outcome, result.Error));
        Assert.Equal(CalibrationRunJob.OutcomesUnsupported, Assert.Single(_h.Runs.All).Error);
    }

    [Fact]
    public async Task RunAsync_CrmDown_FailsRecordingNothingSoTheRetryCalibrates()
    {
        _h.Crm.FailCall(1, 503);

        var failed = await Job().RunAsync(Ct);

        Assert.Equal(RunOutcome.Failed, failed.Outcome);
        Assert.Null(await _h.AlertLedger.GetAsync(failed.Key, Ct));
        Assert.Empty(_h.Channel.Delivered);

        var retried = await Job().RunAsync(Ct);
        Assert.True(retried.Recorded);
        Assert.Single(_h.Channel.Delivered);
    }

    [Theory]
    [InlineData("2026-11-30T23:59:59Z", "calibration:hubspot:2026-11")]
    [InlineData("2026-12-01T00:00:00Z", "calibration:hubspot:2026-12")]
    [InlineData("2026-12-01T00:30:00+01:00", "calibration:hubspot:2026-11")]
    public void KeyFor_TheUtcMonth(string at, string key) =>
        Assert.Equal(key, CalibrationRunJob.KeyFor("hubspot", DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    private CalibrationRunJob Job(bool withReader = true)
    {
        var options = Microsoft.Extensions.Options.Options.Create(_h.Options);
        return new CalibrationRunJob(
            _h.Crm,
            withReader ? [_outcomes] : [],
            new AlignmentModelSource(),
            _h.AlertLedger,
            new AlertDelivery(_h.AlertLedger, _h.Channel, options, _h.Time, NullLogger<AlertDelivery>.Instance),
            _h.Runs,
            options,
            _h.Time,
            NullLogger<CalibrationRunJob>.Instance);
    }

    private string DefaultModelVersion() => new AlignmentModelSource().GetModel(_h.Options.ModelPath).Version;

    private sealed class FakeOutcomes : IOutcomeReader
    {
        public List<Opportunity> Opportunities { get; } = [];

        public int Reads { get; private set; }

        public async IAsyncEnumerable<Opportunity> ReadClosedAsync(DateTimeOffset closedSince, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Reads++;
            foreach (var opportunity in Opportunities.Where(o => o.ClosedAt >= closedSince))
            {
                await Task.Yield();
                yield return opportunity;
            }
        }

        public async IAsyncEnumerable<Opportunity> ReadCreatedAsync(DateTimeOffset createdSince, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var opportunity in Opportunities.Where(o => o.CreatedAt >= createdSince))
            {
                await Task.Yield();
                yield return opportunity;
            }
        }
    }
}
