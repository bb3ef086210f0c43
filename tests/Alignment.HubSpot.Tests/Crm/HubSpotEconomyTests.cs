using Alignment.HubSpot.Tests.Support;
using Alignment.Sync.Handoffs;
using Alignment.Sync.History;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Alignment.Sync.Sla;
using Alignment.TestKit.Fakes;
using Alignment.TestKit.Scoring;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Alignment.HubSpot.Tests.Support.SeedAccounts;

namespace Alignment.HubSpot.Tests.Crm;

/// <summary>
/// The API-economy bounds of the benchmark (bench: <c>hubspot-economy</c>), on a smaller org and by call counts only:
/// the real scoring run over the HubSpot adapter writes a full rescore in ceil(N/100) batch updates and writes nothing
/// when nothing changed; the calls it reports are the calls HubSpot received.
/// </summary>
public sealed class HubSpotEconomyTests
{
    [Fact]
    public async Task ScoringRun_FullRescoreOf250Companies_AtMostCeilNOver100UpdatesAndNoneWhenUnchanged()
    {
        const int companies = 250;
        var clock = new FakeTimeProvider(AsOf);
        await using var host = await HubSpotTestHost.StartAsync(
            Many(companies).Select((a, i) => i % 5 == 0 ? a with { Signals = [At(Core.Signals.SignalKind.EmailReply, 2, "c" + a.Id)] } : a),
            o => o.RateLimitMax = 10_000);
        var checkpoints = new InMemoryCheckpointStore();
        var tiers = new InMemoryTierHistoryStore();
        var runs = new InMemoryRunLedger();
        var sync = Microsoft.Extensions.Options.Options.Create(new SyncOptions());
        var alerts = new InMemoryAlertLedger();
        var announcer = new HandoffAnnouncer(alerts, new AlertDelivery(alerts, new RecordingAlertChannel(), sync, clock, NullLogger<AlertDelivery>.Instance), sync, NullLogger<HandoffAnnouncer>.Instance);
        ScoringRunJob Job() => new(host.Crm, checkpoints, tiers, runs, new AccountPlanner(AlignmentRules.From(DefaultScoringModel.Value)),
            announcer, new HistoryRecorder(new InMemoryHandoffHistory(), new InMemoryWriteLog()), sync, clock, NullLogger<ScoringRunJob>.Instance);

        var first = await Job().RunAsync(new ScoringRunRequest(Full: true), TestContext.Current.CancellationToken);
        var firstUpdates = host.Emulator.Counter["batch-update"];
        var firstCalls = host.Emulator.Counter.Total;
        host.Emulator.Counter.Reset();
        clock.Advance(TimeSpan.FromMinutes(15));
        var second = await Job().RunAsync(new ScoringRunRequest(Full: true), TestContext.Current.CancellationToken);

        Assert.Equal((companies, companies, 0), (first.Read, first.Written, first.Failed));
        Assert.InRange(firstUpdates, 1, (companies + 99) / 100);
        Assert.Equal(firstCalls, first.ApiCalls);
        Assert.Equal((companies, 0, 0), (second.Read, second.Changed, second.Written));
        Assert.Equal(0, host.Emulator.Counter["batch-update"]);
        Assert.Equal(host.Emulator.Counter.Total, second.ApiCalls);
        Assert.Equal(0, host.Emulator.Counter["throttled"]);
    }
}
