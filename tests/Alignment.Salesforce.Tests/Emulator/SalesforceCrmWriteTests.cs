using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.Salesforce.Tests.Support;
using Alignment.Sync.Crm;

namespace Alignment.Salesforce.Tests.Emulator;

public sealed class SalesforceCrmWriteTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AccountWrite Write(int n, AlignmentState values, params AlignmentField[] fields) =>
        new(TestAccounts.Id(n), values, new HashSet<AlignmentField>(fields));

    [Fact]
    public async Task WriteAsync_ChangedFields_WritesOnlyThoseFields()
    {
        var seeded = TestAccounts.Make(1) with { Current = new AlignmentState { Score = 10, ModelVersion = "old", Reasons = "kept" } };
        await using var host = await SalesforceTestHost.StartAsync([seeded]);
        var due = new DateTimeOffset(2026, 11, 21, 22, 0, 0, TimeSpan.Zero);
        var wanted = new AlignmentState
        {
            Score = 91, ModelVersion = "new", Reasons = "must not be written", Tier = Tier.Tier1, HandoffStatus = HandoffStatus.Pending,
            SlaDue = due, SlaStatus = SlaStatus.OnTrack,
        };

        var result = await host.Crm.WriteAsync(
            [Write(1, wanted, AlignmentField.Score, AlignmentField.ModelVersion, AlignmentField.Tier, AlignmentField.HandoffStatus, AlignmentField.SlaDue, AlignmentField.SlaStatus)], Ct);

        Assert.Equal([TestAccounts.Id(1)], result.Written);
        Assert.Empty(result.Failures);
        var fields = host.Emulator.GetAccountFields(TestAccounts.Id(1))!;
        Assert.Equal(91m, fields["Alignment_Score__c"]);
        Assert.Equal("new", fields["Alignment_Model_Version__c"]);
        Assert.Equal("kept", fields["Alignment_Score_Reasons__c"]);
        Assert.Equal("Tier1", fields["Alignment_Tier__c"]);
        Assert.Equal("Pending", fields["Alignment_Handoff_Status__c"]);
        Assert.Equal("OnTrack", fields["Alignment_SLA_Status__c"]);
        Assert.Equal(due, fields["Alignment_SLA_Due__c"]);
    }

    [Fact]
    public async Task WriteAsync_TierLockedInFields_NeverWritesTheLock()
    {
        var seeded = TestAccounts.Make(1) with { Current = new AlignmentState { TierLocked = true } };
        await using var host = await SalesforceTestHost.StartAsync([seeded, TestAccounts.Make(2)]);

        var result = await host.Crm.WriteAsync(
        [
            Write(1, new AlignmentState { TierLocked = false, Score = 50 }, AlignmentField.TierLocked, AlignmentField.Score),
            Write(2, new AlignmentState { TierLocked = true }, AlignmentField.TierLocked),
        ], Ct);

        Assert.Equal([TestAccounts.Id(1), TestAccounts.Id(2)], result.Written.Order(StringComparer.Ordinal));
        Assert.Equal(true, host.Emulator.GetAccountFields(TestAccounts.Id(1))!["Alignment_Tier_Locked__c"]);
        Assert.Equal(false, host.Emulator.GetAccountFields(TestAccounts.Id(2))!["Alignment_Tier_Locked__c"]);
        Assert.Equal(1, host.Emulator.Requests.Writes);
    }

    [Fact]
    public async Task WriteAsync_450Accounts_UsesThreeCollectionCalls()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(450));
        var writes = Enumerable.Range(1, 450).Select(n => Write(n, new AlignmentState { Score = n % 100 }, AlignmentField.Score)).ToList();

        var result = await host.Crm.WriteAsync(writes, Ct);

        Assert.Equal(450, result.Written.Count);
        Assert.Equal(3, host.Emulator.Requests.Writes);
        Assert.Equal(49m, host.Emulator.GetAccountFields(TestAccounts.Id(449))!["Alignment_Score__c"]);
    }

    [Fact]
    public async Task WriteAsync_RowLockedOnce_RetriesThatRecordAndSucceeds()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(3));
        host.Emulator.Faults.LockRows([TestAccounts.Id(2)], times: 1);

        var result = await host.Crm.WriteAsync([.. Enumerable.Range(1, 3).Select(n => Write(n, new AlignmentState { Score = 7 }, AlignmentField.Score))], Ct);

        Assert.Equal(3, result.Written.Count);
        Assert.Empty(result.Failures);
        Assert.Equal(2, host.Emulator.Requests.Writes);
        Assert.Equal(7m, host.Emulator.GetAccountFields(TestAccounts.Id(2))!["Alignment_Score__c"]);
    }

    [Fact]
    public async Task WriteAsync_RowLockedBeyondAttempts_ReportsTransientFailureAfterBoundedRetries()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(2));
        host.Emulator.Faults.LockRows([TestAccounts.Id(1)], times: 10);

        var result = await host.Crm.WriteAsync([Write(1, new AlignmentState { Score = 7 }, AlignmentField.Score), Write(2, new AlignmentState { Score = 8 }, AlignmentField.Score)], Ct);

        Assert.Equal([TestAccounts.Id(2)], result.Written);
        var failure = Assert.Single(result.Failures);
        Assert.Equal((TestAccounts.Id(1), "UNABLE_TO_LOCK_ROW", true), (failure.AccountId, failure.ErrorCode, failure.Transient));
        Assert.Equal(3, host.Emulator.Requests.Writes);
    }

    [Fact]
    public async Task WriteAsync_ValidationRuleFires_ReportsFailureWithoutRetry()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(2));
        host.Emulator.Faults.RejectRecords([TestAccounts.Id(2)]);

        var result = await host.Crm.WriteAsync([Write(1, new AlignmentState { Score = 7 }, AlignmentField.Score), Write(2, new AlignmentState { Score = 8 }, AlignmentField.Score)], Ct);

        Assert.Equal([TestAccounts.Id(1)], result.Written);
        var failure = Assert.Single(result.Failures);
        Assert.Equal((TestAccounts.Id(2), "FIELD_CUSTOM_VALIDATION_EXCEPTION", false), (failure.AccountId, failure.ErrorCode, failure.Transient));
        Assert.Equal(1, host.Emulator.Requests.Writes);
        Assert.Null(host.Emulator.GetAccountFields(TestAccounts.Id(2))!["Alignment_Score__c"]);
    }

    [Fact]
    public async Task WriteAsync_MalformedId_IsReportedWithoutACall()
    {
        await using var host = await SalesforceTestHost.StartAsync([]);

        var result = await host.Crm.WriteAsync([new AccountWrite("not-an-id", new AlignmentState(), new HashSet<AlignmentField> { AlignmentField.Score })], Ct);

        Assert.Equal("MALFORMED_ID", Assert.Single(result.Failures).ErrorCode);
        Assert.Equal(0, host.Emulator.Requests.Writes);
    }

    [Fact]
    public async Task WriteAsync_ClearedValues_WriteNulls()
    {
        var seeded = TestAccounts.Make(1) with { Current = new AlignmentState { SlaDue = TestAccounts.AsOf, HandoffRule = "mqa" } };
        await using var host = await SalesforceTestHost.StartAsync([seeded]);

        await host.Crm.WriteAsync([Write(1, new AlignmentState(), AlignmentField.SlaDue, AlignmentField.HandoffRule)], Ct);

        var fields = host.Emulator.GetAccountFields(TestAccounts.Id(1))!;
        Assert.Null(fields["Alignment_SLA_Due__c"]);
        Assert.Null(fields["Alignment_Handoff_Rule__c"]);
    }
}
