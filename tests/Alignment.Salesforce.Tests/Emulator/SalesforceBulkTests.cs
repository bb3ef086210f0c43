using System.Text.Json;
using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.Salesforce.Bulk;
using Alignment.Salesforce.Tests.Support;
using Alignment.Sandbox.Salesforce;
using Alignment.Sync.Crm;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Salesforce.Tests.Emulator;

/// <summary>Bulk API 2.0: the client and the adapter's bulk read and write paths against the emulator.</summary>
public sealed class SalesforceBulkTests
{
    private static readonly DateTimeOffset Since = TestAccounts.AsOf.AddDays(-90);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<SalesforceTestHost> StartAsync(IEnumerable<Account> accounts, int bulkThreshold = 5, int pageSize = 250_000, int pollsInProgress = 0, int bucketSize = 5000) =>
        SalesforceTestHost.StartAsync(
            accounts,
            s =>
            {
                s["Alignment:Salesforce:BulkBucketSize"] = bucketSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
                s["Alignment:Salesforce:BulkThreshold"] = bulkThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture);
                s["Alignment:Salesforce:BulkResultsPageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
                s["Alignment:Salesforce:BulkPollInterval"] = "00:00:00.001";
                s["Alignment:Salesforce:BulkPollMaxInterval"] = "00:00:00.004";
            },
            new SalesforceEmulatorOptions { PublicKeyPem = TestKeys.PublicKeyPem, BulkPollsInProgress = pollsInProgress, SeededAt = TestAccounts.AsOf });

    [Fact]
    public async Task QueryJob_PollsUntilComplete_ThenFollowsTheLocatorChain()
    {
        await using var host = await StartAsync(TestAccounts.Many(25), pageSize: 10, pollsInProgress: 2);
        var bulk = host.Services.GetRequiredService<SalesforceBulkClient>();

        var job = await bulk.CreateQueryJobAsync("SELECT Id, Name FROM Account", Ct);
        Assert.Equal("UploadComplete", job.State);
        var readsBefore = host.Emulator.Requests.Reads;
        job = await bulk.WaitAsync(job.Id, query: true, Ct);
        Assert.Equal("JobComplete", job.State);
        Assert.Equal(3, host.Emulator.Requests.Reads - readsBefore); // InProgress, InProgress, JobComplete

        readsBefore = host.Emulator.Requests.Reads;
        var rows = await bulk.ReadQueryResultsAsync(job.Id, Ct).ToListAsync(Ct);
        Assert.Equal(3, host.Emulator.Requests.Reads - readsBefore); // 10 + 10 + 5 rows
        Assert.Equal(Enumerable.Range(1, 25).Select(TestAccounts.Id), rows.Select(r => r["Id"]!).Order(StringComparer.Ordinal));
        Assert.Equal(1, host.Emulator.Requests.BulkQueryJobs);
    }

    [Theory]
    [InlineData("Acme, Inc.")]
    [InlineData("The \"Best\" Widgets")]
    [InlineData("Line one\nLine two, with \"quotes\"")]
    [InlineData("Trailing comma,")]
    public async Task QueryResults_NamesWithCommasQuotesAndLineBreaks_ReadBackExactly(string name)
    {
        await using var host = await StartAsync([TestAccounts.Make(1) with { Name = name }, TestAccounts.Make(2)]);
        var reader = host.Services.GetRequiredService<SalesforceBulkReader>();

        var rows = await reader.QueryAsync("SELECT Id, Name FROM Account", Ct).ToListAsync(Ct);

        Assert.Equal(name, rows.Single(r => r["Id"] == TestAccounts.Id(1))["Name"]);
        Assert.Equal("Account 2", rows.Single(r => r["Id"] == TestAccounts.Id(2))["Name"]);
    }

    [Fact]
    public async Task QueryJob_ThatFails_ThrowsWithSalesforcesReason()
    {
        await using var host = await StartAsync(TestAccounts.Many(3));
        host.Emulator.Faults.FailNextBulkJobs(1, "InternalServerError : the query timed out");
        var reader = host.Services.GetRequiredService<SalesforceBulkReader>();

        var ex = await Assert.ThrowsAsync<CrmException>(async () => await reader.QueryAsync("SELECT Id FROM Account", Ct).ToListAsync(Ct));

        Assert.Equal("BULK_QUERY_FAILED", ex.ErrorCode);
        Assert.Contains("the query timed out", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryJob_WithAChildSubquery_IsRefusedAsBulkApi2Does()
    {
        await using var host = await StartAsync(TestAccounts.Many(1));
        var bulk = host.Services.GetRequiredService<SalesforceBulkClient>();

        var ex = await Assert.ThrowsAsync<CrmException>(() => bulk.CreateQueryJobAsync("SELECT Id, (SELECT Id FROM Tasks) FROM Account", Ct));

        Assert.Equal(400, ex.StatusCode);
        Assert.Contains("nested", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task JobInfo_HasTheFieldsOfSalesforcesDocumentedExample()
    {
        var documented = JsonDocument.Parse(FixtureText.Read("fixtures/salesforce-docs/bulk2_query_job_create_response.json")).RootElement;
        await using var host = await StartAsync(TestAccounts.Many(1));
        var token = await host.Services.GetRequiredService<Auth.SalesforceTokenCache>().GetAsync(Ct);
        using var handler = new SocketsHttpHandler();
        using var http = new HttpClient(handler) { BaseAddress = host.Emulator.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.AccessToken);

        using var response = await http.PostAsync(
            "/services/data/v62.0/jobs/query", new StringContent("""{"operation":"query","query":"SELECT Id, Name FROM Account"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        var ours = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        var missing = documented.EnumerateObject().Select(p => p.Name).Where(n => !ours.TryGetProperty(n, out _)).ToList();
        Assert.Empty(missing);
        foreach (var name in new[] { "operation", "object", "state", "concurrencyMode", "contentType", "lineEnding", "columnDelimiter" })
        {
            Assert.Equal(documented.GetProperty(name).GetString(), ours.GetProperty(name).GetString());
        }

        Assert.Equal(JsonValueKind.Number, ours.GetProperty("apiVersion").ValueKind);
    }

    [Fact]
    public async Task IngestJob_UploadedTwice_CannotBeClosed()
    {
        await using var host = await StartAsync(TestAccounts.Many(2));
        var bulk = host.Services.GetRequiredService<SalesforceBulkClient>();
        var job = await bulk.CreateIngestJobAsync("Account", Ct);
        var csv = System.Text.Encoding.UTF8.GetBytes("Id,Alignment_Score__c\n" + TestAccounts.Id(1) + ",5\n");

        await bulk.UploadAsync(job.Id, csv, Ct);
        await bulk.UploadAsync(job.Id, csv, Ct);
        var ex = await Assert.ThrowsAsync<CrmException>(() => bulk.SetIngestStateAsync(job.Id, "UploadComplete", Ct));

        Assert.Contains("only do 'PUT' once", ex.Message, StringComparison.Ordinal);
        Assert.Null(host.Emulator.GetAccountFields(TestAccounts.Id(1))!["Alignment_Score__c"]);
    }

    [Fact]
    public async Task WriteAsync_AboveTheThreshold_OneIngestJobWritesExactlyWhatTheRestPathWrites()
    {
        var seeded = TestAccounts.Many(30).Select(a => a with
        {
            Current = new AlignmentState { Score = 10, Reasons = "old reasons", SlaDue = TestAccounts.AsOf, SlaStatus = SlaStatus.AtRisk, ModelVersion = "v1" },
        }).ToList();
        await using var bulkHost = await StartAsync(seeded, bulkThreshold: 5);
        await using var restHost = await StartAsync(seeded, bulkThreshold: 2000);
        var writes = Enumerable.Range(1, 30).Select(n => new AccountWrite(
            TestAccounts.Id(n),
            new AlignmentState
            {
                Score = n, Fit = 100 - n, Tier = n % 3 == 0 ? Tier.Tier1 : Tier.Tier3, Reasons = n % 4 == 0 ? "" : "Fit, \"intent\"\nand more",
                SlaDue = null, SlaStatus = null, HandoffStatus = HandoffStatus.Pending, HandoffAt = TestAccounts.AsOf.AddMinutes(n), ModelVersion = "v2",
                TierLocked = true,
            },
            n % 2 == 0
                ? new HashSet<AlignmentField> { AlignmentField.Score, AlignmentField.FitScore, AlignmentField.Tier, AlignmentField.ScoreReasons, AlignmentField.SlaDue, AlignmentField.SlaStatus, AlignmentField.TierLocked }
                : new HashSet<AlignmentField> { AlignmentField.Score, AlignmentField.HandoffStatus, AlignmentField.HandoffAt, AlignmentField.ModelVersion })).ToList();

        var viaBulk = await bulkHost.Crm.WriteAsync(writes, Ct);
        var viaRest = await restHost.Crm.WriteAsync(writes, Ct);

        Assert.Equal(30, viaBulk.Written.Count);
        Assert.Empty(viaBulk.Failures);
        Assert.Equal(viaRest.Written.Order(StringComparer.Ordinal), viaBulk.Written.Order(StringComparer.Ordinal));
        Assert.Equal(1, bulkHost.Emulator.Requests.BulkIngestJobs);
        Assert.Equal(0, restHost.Emulator.Requests.BulkIngestJobs);
        foreach (var n in Enumerable.Range(1, 30))
        {
            var bulkFields = Comparable(bulkHost.Emulator.GetAccountFields(TestAccounts.Id(n))!);
            var restFields = Comparable(restHost.Emulator.GetAccountFields(TestAccounts.Id(n))!);
            Assert.Equal(restFields, bulkFields);
        }

        Assert.Null(bulkHost.Emulator.GetAccountFields(TestAccounts.Id(2))!["Alignment_SLA_Due__c"]);
        Assert.Equal("old reasons", bulkHost.Emulator.GetAccountFields(TestAccounts.Id(1))!["Alignment_Score_Reasons__c"]);
    }

    [Fact]
    public async Task WriteAsync_Bulk_PartialFailure_ReportsRefusedRowsAndRetriesLockedOnesThroughRest()
    {
        await using var host = await StartAsync(TestAccounts.Many(12), bulkThreshold: 5);
        host.Emulator.Faults.RejectRecords([TestAccounts.Id(3)], "Closed accounts cannot be scored.");
        host.Emulator.Faults.LockRows([TestAccounts.Id(5)], times: 1);
        var writes = Enumerable.Range(1, 12).Select(n => new AccountWrite(TestAccounts.Id(n), new AlignmentState { Score = 40 + n }, new HashSet<AlignmentField> { AlignmentField.Score })).ToList();

        var result = await host.Crm.WriteAsync(writes, Ct);

        var failure = Assert.Single(result.Failures);
        Assert.Equal((TestAccounts.Id(3), "FIELD_CUSTOM_VALIDATION_EXCEPTION", false), (failure.AccountId, failure.ErrorCode, failure.Transient));
        Assert.Contains("Closed accounts cannot be scored.", failure.Message, StringComparison.Ordinal);
        Assert.Equal(11, result.Written.Count);
        Assert.Equal(45m, host.Emulator.GetAccountFields(TestAccounts.Id(5))!["Alignment_Score__c"]);
        Assert.Null(host.Emulator.GetAccountFields(TestAccounts.Id(3))!["Alignment_Score__c"]);
    }

    [Fact]
    public async Task WriteAsync_BulkJobFails_EveryRowIsATransientFailureAndNothingIsWritten()
    {
        await using var host = await StartAsync(TestAccounts.Many(8), bulkThreshold: 5);
        host.Emulator.Faults.FailNextBulkJobs(1);
        var writes = Enumerable.Range(1, 8).Select(n => new AccountWrite(TestAccounts.Id(n), new AlignmentState { Score = n }, new HashSet<AlignmentField> { AlignmentField.Score })).ToList();

        var result = await host.Crm.WriteAsync(writes, Ct);

        Assert.Empty(result.Written);
        Assert.Equal(8, result.Failures.Count);
        Assert.All(result.Failures, f => Assert.True(f.Transient));
        Assert.All(result.Failures, f => Assert.Equal("BULK_JOB_FAILED", f.ErrorCode));
        Assert.All(Enumerable.Range(1, 8), n => Assert.Null(host.Emulator.GetAccountFields(TestAccounts.Id(n))!["Alignment_Score__c"]));
    }

    [Theory]
    [InlineData(5000)] // one bucket
    [InlineData(5)] // five buckets of the range's ids
    [InlineData(1)] // an account a bucket
    public async Task ReadAccountsAsync_RangeAboveTheThreshold_ReadsThroughBulkExactlyWhatRestReads(int bucketSize)
    {
        var seeded = TestAccounts.Many(30, n => n % 3 == 0 ? SalesforceCrmReadTests.EverySignalKind(n) : []).Select(a => a with
        {
            Current = new AlignmentState { Score = 50, Tier = Tier.Tier2, TierLocked = a.Id.EndsWith("7AAA", StringComparison.Ordinal), HandoffStatus = HandoffStatus.Pending, HandoffAt = TestAccounts.AsOf },
        }).ToList();
        await using var bulkHost = await StartAsync(seeded, bulkThreshold: 5, bucketSize: bucketSize);
        await using var restHost = await StartAsync(seeded, bulkThreshold: 2000);
        var range = new AccountRange(TestAccounts.Id(4), TestAccounts.Id(28), 24);

        var viaBulk = await bulkHost.Crm.ReadAccountsAsync(new CrmReadRequest(null, Since, Range: range), Ct).ToListAsync(Ct);
        var viaRest = await restHost.Crm.ReadAccountsAsync(new CrmReadRequest(null, Since, Range: range), Ct).ToListAsync(Ct);

        Assert.Equal(Enumerable.Range(4, 24).Select(TestAccounts.Id), viaBulk.Select(a => a.Account.Id));
        Assert.Equal(viaRest.Select(a => a.Account.Id), viaBulk.Select(a => a.Account.Id));
        foreach (var (b, r) in viaBulk.Zip(viaRest))
        {
            Assert.Equal(r.LastModifiedAt, b.LastModifiedAt);
            Assert.Equal(r.Account with { Signals = [], Technologies = [] }, b.Account with { Signals = [], Technologies = [] });
            Assert.Equal(r.Account.Technologies, b.Account.Technologies);
            Assert.Equal(TestAccounts.Sorted(r.Account.Signals), TestAccounts.Sorted(b.Account.Signals));
        }

        Assert.Contains(viaBulk, a => a.Account.Signals.Length > 10);
        Assert.True(bulkHost.Emulator.Requests.BulkQueryJobs >= 4); // accounts, tasks, events, intent, campaign members
        Assert.Equal(0, restHost.Emulator.Requests.BulkQueryJobs);
    }

    [Fact]
    public async Task WriteStagedAsync_FromDisk_OneJobWritesWhatTheListWrites_AndRetriesLockedRowsThroughRest()
    {
        await using var stagedHost = await StartAsync(TestAccounts.Many(12), bulkThreshold: 5);
        await using var listHost = await StartAsync(TestAccounts.Many(12), bulkThreshold: 5);
        stagedHost.Emulator.Faults.LockRows([TestAccounts.Id(5)], times: 1);
        var writes = Enumerable.Range(1, 12).Select(n => new AccountWrite(
            TestAccounts.Id(n),
            new AlignmentState { Score = 40 + n, Reasons = n % 2 == 0 ? "Fit, \"intent\"\nand more" : null, Tier = Tier.Tier2 },
            n % 2 == 0 ? new HashSet<AlignmentField> { AlignmentField.Score, AlignmentField.ScoreReasons } : new HashSet<AlignmentField> { AlignmentField.Score, AlignmentField.Tier })).ToList();
        var staged = Alignment.Sync.Scoring.StagedPlans.Create(null);
        await using (staged)
        {
            foreach (var write in writes)
            {
                await staged.AddAsync(new Alignment.Sync.Scoring.PlanFollowUp(write, TestAccounts.AsOf, new Alignment.Sync.History.AccountChange(write.AccountId, TestAccounts.AsOf, "run", []), null, null, null, null), Ct);
            }

            var viaStaged = await ((IStagedCrmWriter)stagedHost.Crm).WriteStagedAsync(staged, Ct);
            var viaList = await listHost.Crm.WriteAsync(writes, Ct);

            Assert.Empty(viaStaged.Failures);
            Assert.Equal(viaList.Written.Order(StringComparer.Ordinal), viaStaged.Written.Order(StringComparer.Ordinal));
            Assert.Equal(12, viaStaged.Written.Count);
            Assert.Equal(1, stagedHost.Emulator.Requests.BulkIngestJobs);
            Assert.Equal(45m, stagedHost.Emulator.GetAccountFields(TestAccounts.Id(5))!["Alignment_Score__c"]); // locked in the job, then written through REST
            foreach (var n in Enumerable.Range(1, 12))
            {
                Assert.Equal(Comparable(listHost.Emulator.GetAccountFields(TestAccounts.Id(n))!), Comparable(stagedHost.Emulator.GetAccountFields(TestAccounts.Id(n))!));
            }
        }
    }

    private static Dictionary<string, object?> Comparable(IReadOnlyDictionary<string, object?> fields) =>
        fields.Where(f => f.Key is not ("CreatedDate" or "LastModifiedDate" or "SystemModstamp")).ToDictionary(f => f.Key, f => f.Value, StringComparer.OrdinalIgnoreCase);
}
