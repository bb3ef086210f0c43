using System.Text.Json;
using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Tiers;
using Alignment.HubSpot.Tests.Support;
using Alignment.Sync.Crm;
using static Alignment.HubSpot.Tests.Support.SeedAccounts;

namespace Alignment.HubSpot.Tests.Crm;

public sealed class HubSpotCrmWriteTests
{
    private static AccountWrite Write(string id, int score, params AlignmentField[] fields) =>
        new(id, new AlignmentState { Score = score, Tier = Tier.Tier1, TierLocked = false, HandoffStatus = HandoffStatus.Pending, SlaDue = AsOf }, fields.ToHashSet());

    [Fact]
    public async Task WriteAsync_ChangedFields_WritesOnlyThoseAsStrings()
    {
        await using var host = await HubSpotTestHost.StartAsync(Many(1));

        var result = await host.Crm.WriteAsync([Write("1000", 88, AlignmentField.Score, AlignmentField.SlaDue)], TestContext.Current.CancellationToken);

        Assert.Equal(["1000"], result.Written);
        var update = Assert.Single(host.Requests, r => r.Uri.AbsolutePath.EndsWith("/batch/update", StringComparison.Ordinal));
        using var body = JsonDocument.Parse(update.Body!);
        var properties = body.RootElement.GetProperty("inputs")[0].GetProperty("properties");
        Assert.Equal(["alignment_score", "alignment_sla_due"], properties.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("88", properties.GetProperty("alignment_score").GetString());
        Assert.Equal("2026-11-20T15:00:00.000Z", properties.GetProperty("alignment_sla_due").GetString());
        Assert.Equal("88", host.Emulator.GetCompanyProperties("1000")!["alignment_score"]);
    }

    [Fact]
    public async Task WriteAsync_TierLockInFields_IsNeverWritten()
    {
        await using var host = await HubSpotTestHost.StartAsync(Many(1));
        host.Emulator.SetCompanyProperty("1000", "alignment_tier_locked", "true");

        var result = await host.Crm.WriteAsync([Write("1000", 50, AlignmentField.TierLocked, AlignmentField.Score)], TestContext.Current.CancellationToken);

        Assert.Equal(["1000"], result.Written);
        Assert.Equal("true", host.Emulator.GetCompanyProperties("1000")!["alignment_tier_locked"]);
        Assert.DoesNotContain(host.Requests, r => r.Body?.Contains("alignment_tier_locked", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task WriteAsync_250Accounts_ThreeBatchCallsOfAtMost100()
    {
        await using var host = await HubSpotTestHost.StartAsync(Many(250));
        var writes = Enumerable.Range(1000, 250).Select(i => Write(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 70, AlignmentField.Score)).ToList();

        var result = await host.Crm.WriteAsync(writes, TestContext.Current.CancellationToken);

        Assert.Equal(250, result.Written.Count);
        Assert.Empty(result.Failures);
        Assert.Equal(3, host.Emulator.Counter["batch-update"]);
    }

    [Fact]
    public async Task WriteAsync_MultiStatus_ReportsTheRefusedRecordAndWritesTheRest()
    {
        await using var host = await HubSpotTestHost.StartAsync(Many(3));
        host.Emulator.Faults.RejectUpdatesOf("1001");

        var result = await host.Crm.WriteAsync([Write("1000", 1, AlignmentField.Score), Write("1001", 2, AlignmentField.Score), Write("1002", 3, AlignmentField.Score)], TestContext.Current.CancellationToken);

        Assert.Equal(["1000", "1002"], result.Written.Order());
        var failure = Assert.Single(result.Failures);
        Assert.Equal(("1001", "VALIDATION_ERROR", false), (failure.AccountId, failure.ErrorCode, failure.Transient));
        Assert.Equal(1, host.Emulator.Counter["batch-update"]);
    }

    [Fact]
    public async Task WriteAsync_UnknownAccount_IsAFailureNotAnException()
    {
        await using var host = await HubSpotTestHost.StartAsync(Many(1));

        var result = await host.Crm.WriteAsync([Write("1000", 1, AlignmentField.Score), Write("424242", 2, AlignmentField.Score)], TestContext.Current.CancellationToken);

        Assert.Equal(["1000"], result.Written);
        Assert.Equal(("424242", "OBJECT_NOT_FOUND"), (result.Failures[0].AccountId, result.Failures[0].ErrorCode));
    }

    [Fact]
    public async Task WriteAsync_ValidationErrorForTheWholeBatch_IsNotRetriedAndIsReportedPerRecord()
    {
        await using var host = await HubSpotTestHost.StartAsync(
            Many(1), settings: new Dictionary<string, string?> { ["Alignment:HubSpot:Properties:Score"] = "no_such_property" });

        var result = await host.Crm.WriteAsync([Write("1000", 1, AlignmentField.Score)], TestContext.Current.CancellationToken);

        Assert.Empty(result.Written);
        Assert.Equal(("1000", "VALIDATION_ERROR", false), (result.Failures[0].AccountId, result.Failures[0].ErrorCode, result.Failures[0].Transient));
        Assert.Equal(1, host.Emulator.Counter["batch-update"]);
    }

    [Fact]
    public async Task WriteAsync_BatchWithOneInvalidValue_SplitsToIsolateIt()
    {
        await using var host = await HubSpotTestHost.StartAsync(Many(4));
        var writes = Enumerable.Range(1000, 4).Select(i => Write(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 5, AlignmentField.Score, AlignmentField.Tier)).ToList();
        writes[2] = writes[2] with { Values = writes[2].Values with { Tier = (Tier)7 } };

        var result = await host.Crm.WriteAsync(writes, TestContext.Current.CancellationToken);

        Assert.Equal(["1000", "1001", "1003"], result.Written.Order());
        Assert.Equal("1002", Assert.Single(result.Failures).AccountId);
    }

    [Fact]
    public async Task WriteAsync_Requests_ConformToTheOpenApiDocuments()
    {
        var validator = new OpenApiRequestValidator();
        await using var host = await HubSpotTestHost.StartAsync(Many(2));

        await host.Crm.WriteAsync([Write("1000", 1, Enum.GetValues<AlignmentField>()), Write("1001", 2, AlignmentField.Score)], TestContext.Current.CancellationToken);

        Assert.NotEmpty(host.Requests);
        Assert.Empty(host.Requests.SelectMany(r => validator.Validate(r.Method, r.Uri, r.Body)));
    }
}
