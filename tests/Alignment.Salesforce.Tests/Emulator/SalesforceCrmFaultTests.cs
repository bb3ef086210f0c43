using Alignment.Core.Accounts;
using Alignment.Salesforce.Tests.Support;
using Alignment.Sandbox.Salesforce;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Time.Testing;

namespace Alignment.Salesforce.Tests.Emulator;

public sealed class SalesforceCrmFaultTests
{
    private static readonly DateTimeOffset Since = TestAccounts.AsOf.AddDays(-90);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<List<CrmAccount>> ReadAllAsync(ICrm crm) => crm.ReadAccountsAsync(new CrmReadRequest(null, Since), Ct).ToListAsync(Ct).AsTask();

    [Fact]
    public async Task ReadAccountsAsync_ServiceUnavailableTwice_RetriesAndSucceeds()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(3));
        await ReadAllAsync(host.Crm); // token obtained
        host.Emulator.ResetRequestCounts();
        host.Emulator.Faults.FailNextRequests(2);

        var read = await ReadAllAsync(host.Crm);

        Assert.Equal(3, read.Count);
        Assert.Equal(2 + 2, host.Emulator.Requests.Reads); // two refused, then the account page and the CampaignMember query
    }

    [Fact]
    public async Task ReadAccountsAsync_ServiceUnavailableBeyondRetries_ThrowsTransientCrmException()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(1));
        host.Emulator.Faults.FailNextRequests(50);

        var ex = await Assert.ThrowsAsync<CrmException>(() => ReadAllAsync(host.Crm));

        Assert.Equal(503, ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.Equal(4, host.Emulator.Requests.Reads); // one attempt and three retries
    }

    [Fact]
    public async Task WriteAsync_ServiceUnavailableOnce_RetriesTheCollectionCall()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(1));
        await ReadAllAsync(host.Crm);
        host.Emulator.Faults.FailNextRequests(1);

        var result = await host.Crm.WriteAsync([new AccountWrite(TestAccounts.Id(1), new AlignmentState { Score = 5 }, new HashSet<AlignmentField> { AlignmentField.Score })], Ct);

        Assert.Single(result.Written);
        Assert.Equal(2, host.Emulator.Requests.Writes);
    }

    [Fact]
    public async Task ReadAccountsAsync_RequestLimitExceeded_ThrowsBudgetExhausted()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(1));
        host.Emulator.Faults.RequestLimitExceeded = true;

        var ex = await Assert.ThrowsAsync<CrmBudgetExhaustedException>(() => ReadAllAsync(host.Crm));

        Assert.False(ex.IsTransient);
        Assert.Equal(1, host.Emulator.Requests.Reads); // a 403 is not retried
    }

    [Fact]
    public async Task ReadAccountsAsync_ConcurrentRequestLimitTwice_BacksOffAndSucceeds()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(3));
        await ReadAllAsync(host.Crm);
        host.Emulator.ResetRequestCounts();
        host.Emulator.Faults.ExceedConcurrentRequestLimit(2);

        var read = await ReadAllAsync(host.Crm);

        Assert.Equal(3, read.Count);
        Assert.Equal(2 + 2, host.Emulator.Requests.Reads); // two refused, then the account page and the CampaignMember query
    }

    [Fact]
    public async Task ReadAccountsAsync_ConcurrentRequestLimitBeyondRetries_StopsWithBudgetExhausted()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(1));
        host.Emulator.Faults.ExceedConcurrentRequestLimit(50);

        await Assert.ThrowsAsync<CrmBudgetExhaustedException>(() => ReadAllAsync(host.Crm));

        Assert.Equal(4, host.Emulator.Requests.Reads); // one attempt and three retries
    }

    [Fact]
    public async Task ReadAccountsAsync_ConfiguredShareOfDailyBudgetUsed_StopsBeforeTheNextCall()
    {
        var options = new SalesforceEmulatorOptions { PublicKeyPem = TestKeys.PublicKeyPem, DailyApiLimit = 1_000, ApiUsageStart = 799 };
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(3), emulatorOptions: options);

        var ex = await Assert.ThrowsAsync<CrmBudgetExhaustedException>(() => ReadAllAsync(host.Crm));

        Assert.Equal(1, host.Emulator.Requests.Reads); // the account page reported 800/1000: the CampaignMember query was not sent
        var usage = host.Crm.GetUsage();
        Assert.Equal((800L, 1_000L), (usage.DailyUsed, usage.DailyLimit));
        Assert.Equal(usage, ex.Usage);
    }

    [Fact]
    public async Task GetUsage_AfterCalls_CountsTokenAndDataCalls()
    {
        var options = new SalesforceEmulatorOptions { PublicKeyPem = TestKeys.PublicKeyPem, ApiUsageStart = 40 };
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(2), emulatorOptions: options);

        await ReadAllAsync(host.Crm);

        Assert.Equal(new ApiUsage(3, 42, 100_000), host.Crm.GetUsage());
    }

    [Fact]
    public async Task ReadAccountsAsync_TokenExpiredMidRun_RefreshesOnceAndReplays()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(3));
        await ReadAllAsync(host.Crm);
        host.Emulator.ExpireTokens();

        var read = await ReadAllAsync(host.Crm);

        Assert.Equal(3, read.Count);
        Assert.Equal(2, host.Emulator.Requests.Token);
    }

    [Fact]
    public async Task WriteAsync_TokenExpired_ReplaysTheWriteWithItsBody()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(1));
        await ReadAllAsync(host.Crm);
        host.Emulator.ExpireTokens();

        var result = await host.Crm.WriteAsync([new AccountWrite(TestAccounts.Id(1), new AlignmentState { Score = 33 }, new HashSet<AlignmentField> { AlignmentField.Score })], Ct);

        Assert.Single(result.Written);
        Assert.Equal(33m, host.Emulator.GetAccountFields(TestAccounts.Id(1))!["Alignment_Score__c"]);
        Assert.Equal(2, host.Emulator.Requests.Writes);
    }

    [Fact]
    public async Task ReadAccountsAsync_ConcurrentCallersWithExpiredToken_ShareOneRefresh()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(3));
        await ReadAllAsync(host.Crm);
        host.Emulator.ExpireTokens();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ReadAllAsync(host.Crm)));

        Assert.Equal(2, host.Emulator.Requests.Token);
    }

    [Fact]
    public async Task ReadAccountsAsync_TokenOlderThanLifetime_RequestsANewToken()
    {
        var time = new FakeTimeProvider(TestAccounts.AsOf);
        var options = new SalesforceEmulatorOptions { PublicKeyPem = TestKeys.PublicKeyPem, TimeProvider = time };
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(1), emulatorOptions: options, timeProvider: time);
        await ReadAllAsync(host.Crm);
        time.Advance(TimeSpan.FromMinutes(29));
        await ReadAllAsync(host.Crm);
        Assert.Equal(1, host.Emulator.Requests.Token);

        time.Advance(TimeSpan.FromMinutes(2));
        await ReadAllAsync(host.Crm);

        Assert.Equal(2, host.Emulator.Requests.Token);
    }

    [Fact]
    public async Task ReadAccountsAsync_ClientCredentialsFlow_Authenticates()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(2), s =>
        {
            s["Alignment:Salesforce:AuthFlow"] = "ClientCredentials";
            s["Alignment:Salesforce:ClientSecret"] = "emulator-secret";
            s.Remove("Alignment:Salesforce:PrivateKeyPem");
        });

        Assert.Equal(2, (await ReadAllAsync(host.Crm)).Count);
    }

    [Fact]
    public async Task ReadAccountsAsync_WrongClientSecret_ThrowsWithTheOAuthError()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(1), s =>
        {
            s["Alignment:Salesforce:AuthFlow"] = "ClientCredentials";
            s["Alignment:Salesforce:ClientSecret"] = "wrong";
        });

        var ex = await Assert.ThrowsAsync<CrmException>(() => ReadAllAsync(host.Crm));

        Assert.Equal(("invalid_client", 400), (ex.ErrorCode, ex.StatusCode));
        Assert.DoesNotContain("wrong", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAccountsAsync_JwtSignedWithAnotherKey_IsRefused()
    {
        using var other = System.Security.Cryptography.RSA.Create(2048);
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(1), s => s["Alignment:Salesforce:PrivateKeyPem"] = other.ExportPkcs8PrivateKeyPem());

        var ex = await Assert.ThrowsAsync<CrmException>(() => ReadAllAsync(host.Crm));

        Assert.Equal("invalid_grant", ex.ErrorCode);
    }

    [Fact]
    public async Task ReadAccountsAsync_Latency_StillReadsEverything()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(5));
        host.Emulator.Faults.Latency = TimeSpan.FromMilliseconds(30);

        Assert.Equal(5, (await ReadAllAsync(host.Crm)).Count);
    }
}
