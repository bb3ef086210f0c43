using Alignment.Cli.Sandbox;
using Alignment.Cli.Serve;
using Alignment.Hosting;
using Alignment.Storage.Partitions;
using Alignment.Sync.Crm;
using Alignment.Sync.Partitions;
using Alignment.Sync.Scoring;
using Alignment.Sync.State;
using Alignment.TestKit.Paths;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Cli.Tests.Serve;

/// <summary>
/// A partitioned full rescore through <c>alignment serve</c>: the Salesforce emulator (generated org), Azurite's tables
/// and queue; the plan enqueues partitions, serve's queue workers score them through Bulk API 2.0 and the run is
/// recorded once, each partition scored once although it runs longer than the queue's visibility timeout. A message that
/// can never succeed ends in the poison queue.
/// </summary>
public sealed class PartitionedRescoreTests : IAsyncLifetime
{
    private const int AccountCount = 2_600;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);
    private SandboxEnvironment _sandbox = null!;
    private WebApplication _app = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _sandbox = await SandboxEnvironment.StartAsync(
            new SandboxOptions { Crms = [CrmKind.Salesforce], AccountCount = AccountCount, RepoRoot = RepoPaths.RepoRoot }, null, ct);
        var settings = new Dictionary<string, string?>(_sandbox.ConnectorSettings(CrmKind.Salesforce), StringComparer.OrdinalIgnoreCase)
        {
            ["Alignment:Schedules:DrainInbox"] = "0 0 0 1 1 *",
            ["Alignment:Schedules:Score"] = "0 0 0 1 1 *",
            ["Alignment:Schedules:FullRescore"] = "0 0 0 1 1 *",
            ["Alignment:Schedules:SweepSla"] = "0 0 0 1 1 *",
            ["Alignment:Sync:PartitionedFullRescore"] = "true",
            ["Alignment:Sync:PartitionSize"] = "1000",
            ["Alignment:Salesforce:BulkThreshold"] = "500",
            ["Alignment:Salesforce:BulkPollInterval"] = "00:00:00.050",
            ["Alignment:Salesforce:BulkPollMaxInterval"] = "00:00:00.200",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _app = LocalServer.Build(configuration, new LocalServerOptions
        {
            Port = 0,
            Partitions = new PartitionWorkerOptions { Workers = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(50), PollInterval = TimeSpan.FromMilliseconds(50), MaxPollInterval = TimeSpan.FromMilliseconds(500), VisibilityTimeout = TimeSpan.FromSeconds(2) },
        });
        await _app.StartAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    [Fact]
    public async Task Plan_ServeWorkersScoreEveryPartitionThroughBulk_AndTheRunIsRecordedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        // Each partition takes longer than the 2-second visibility timeout: its message must stay hidden while it runs.
        _sandbox.Salesforce!.Faults.Latency = TimeSpan.FromMilliseconds(250);
        var plan = await _app.Services.GetRequiredService<PartitionPlanJob>().RunAsync(ct);

        var runs = _app.Services.GetRequiredService<IRunLedger>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        RunRecord? run = null;
        while (waited.Elapsed < Wait && (run = (await runs.ListRecentAsync(10, ct)).FirstOrDefault(r => r.RunId == plan.RunId)) is null)
        {
            await Task.Delay(200, ct);
        }

        Assert.Equal(3, plan.Partitions);
        Assert.NotNull(run);
        Assert.Equal((ScoringRunJob.FullKind, AccountCount), (run.Kind, run.Read));
        Assert.Equal(AccountCount, run.Written);
        var partitions = await _app.Services.GetRequiredService<IPartitionLedger>().ListAsync(plan.RunId, ct);
        Assert.All(partitions, p => Assert.True(p.IsDone));
        Assert.True(_sandbox.Salesforce.Requests.BulkQueryJobs >= 3 * 3, "each partition reads through Bulk query jobs");
        Assert.Equal(3, _sandbox.Salesforce.Requests.BulkIngestJobs); // one ingest job a partition: none was delivered twice
        Assert.All(_sandbox.Salesforce.AccountIds(), id => Assert.NotNull(_sandbox.Salesforce.GetAccountFields(id)!["Alignment_Model_Version__c"]));
    }

    [Fact]
    public async Task MessageThatCanNeverSucceed_EndsInThePoisonQueueAfterFiveDeliveries()
    {
        var ct = TestContext.Current.CancellationToken;
        var queues = _app.Services.GetRequiredService<PartitionQueues>();
        var queue = await queues.GetAsync(IPartitionQueue.QueueName, ct);
        await queue.SendMessageAsync("{\"not\":\"a partition\"}", ct);
        var poison = await queues.GetAsync(IPartitionQueue.PoisonQueueName, ct);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        QueueMessage[] landed = [];
        while (waited.Elapsed < Wait && (landed = (await poison.ReceiveMessagesAsync(1, cancellationToken: ct)).Value).Length == 0)
        {
            await Task.Delay(200, ct);
        }

        Assert.Equal("{\"not\":\"a partition\"}", Assert.Single(landed).Body.ToString());
        Assert.Empty((await queue.PeekMessagesAsync(1, ct)).Value);
    }
}
