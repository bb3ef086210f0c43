using Alignment.Storage.Partitions;
using Alignment.Sync.Partitions;
using Alignment.TestKit.Azurite;
using Azure.Storage.Queues;

namespace Alignment.Storage.Tests.Partitions;

public sealed class PartitionStoreTests : StoreTestBase
{
    private readonly string _connectionString;

    public PartitionStoreTests(AzuriteFixture azurite)
        : base(azurite, "parts")
    {
        ArgumentNullException.ThrowIfNull(azurite);
        _connectionString = azurite.ConnectionString;
    }

    private static List<PartitionMessage> Plan(string runId, int count, string crm = "salesforce") =>
        [.. Enumerable.Range(0, count).Select(i => new PartitionMessage(runId, crm, i, count, i == 0 ? null : "001" + i, i == count - 1 ? null : "001" + (i + 1), 1_000, T0))];

    [Fact]
    public async Task Ledger_PlanCompleteAndClose_AcrossInstances()
    {
        var plan = Plan("salesforce:full-rescore:20261120T150000000Z", 130); // more than one 100-entity transaction
        await Instance<IPartitionLedger>().StartAsync(plan, Ct);

        var other = Instance<IPartitionLedger>();
        Assert.Equal(plan[0].RunId, await other.GetOpenRunAsync("salesforce", Ct));
        Assert.Null(await other.GetOpenRunAsync("hubspot", Ct));
        await other.CompleteAsync(new PartitionRecord { Partition = plan[7], CompletedAt = T0.AddMinutes(3), Read = 1_000, Written = 990, Failed = 1, Handoffs = 4, ApiCalls = 13 }, Ct);

        var rows = await Instance<IPartitionLedger>().ListAsync(plan[0].RunId, Ct);
        Assert.Equal(plan, rows.Select(r => r.Partition));
        var done = Assert.Single(rows, r => r.IsDone);
        Assert.Equal((7, 1_000, 990, 1, 4, 13), (done.Partition.Index, done.Read, done.Written, done.Failed, done.Handoffs, done.ApiCalls));
    }

    [Fact]
    public async Task Ledger_TryClose_SucceedsOnceEvenWhenTwoWorkersRace()
    {
        var plan = Plan("salesforce:full-rescore:20261121T150000000Z", 2);
        await Instance<IPartitionLedger>().StartAsync(plan, Ct);
        var a = Instance<IPartitionLedger>();
        var b = Instance<IPartitionLedger>();

        var closed = await Task.WhenAll(a.TryCloseAsync("salesforce", plan[0].RunId, Ct), b.TryCloseAsync("salesforce", plan[0].RunId, Ct));

        Assert.Equal(1, closed.Count(c => c));
        Assert.Null(await a.GetOpenRunAsync("salesforce", Ct));
        Assert.False(await a.TryCloseAsync("salesforce", "another run", Ct));
    }

    [Fact]
    public async Task Ledger_RecordFailure_CountsAttemptsAndKeepsTheReason_ButNeverUndoesADonePartition()
    {
        var plan = Plan("hubspot:full-rescore:20261122T150000000Z", 2, "hubspot");
        var ledger = Instance<IPartitionLedger>();
        await ledger.StartAsync(plan, Ct);

        await ledger.RecordFailureAsync(plan[0], "REQUEST_LIMIT_EXCEEDED: first", Ct);
        await Instance<IPartitionLedger>().RecordFailureAsync(plan[0], "BULK_QUERY_FAILED: second", Ct);
        await ledger.CompleteAsync(new PartitionRecord { Partition = plan[1], CompletedAt = T0 }, Ct);
        await ledger.RecordFailureAsync(plan[1], "late failure of a redelivered copy", Ct);

        var rows = await ledger.ListAsync(plan[0].RunId, Ct);
        Assert.Equal((2, "BULK_QUERY_FAILED: second", false), (rows[0].FailedAttempts, rows[0].LastError, rows[0].IsDone));
        Assert.Equal((0, null, true), (rows[1].FailedAttempts, rows[1].LastError, rows[1].IsDone));
    }

    [Fact]
    public async Task Queue_MessagesAreBase64JsonThatTheFunctionsTriggerAndServeRead()
    {
        var plan = Plan("salesforce:full-rescore:20261123T150000000Z", 3);
        await Instance<IPartitionQueue>().EnqueueAsync(plan, Ct);

        var raw = (await new QueueClient(_connectionString, IPartitionQueue.QueueName).PeekMessagesAsync(32, Ct)).Value;
        var queue = new QueueClient(_connectionString, IPartitionQueue.QueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var received = (await queue.ReceiveMessagesAsync(32, cancellationToken: Ct)).Value;
        Assert.Equal(3, raw.Length);
        Assert.Equal(plan, received.Select(m => PartitionQueues.Deserialize(m.Body.ToString())).OrderBy(p => p.Index));
        Assert.All(received, m => Assert.StartsWith("{\"runId\":", m.Body.ToString(), StringComparison.Ordinal));
        Assert.All(raw, m => Assert.StartsWith("eyJydW5JZCI6", m.Body.ToString(), StringComparison.Ordinal)); // base64 of {"runId":
    }
}
