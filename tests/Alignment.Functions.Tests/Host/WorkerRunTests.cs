using System.Globalization;
using System.Text.Json;
using Alignment.Core.Handoffs;
using Alignment.Core.Tiers;
using Alignment.EndToEnd.Tests.Support;
using Alignment.Functions.Tests.Host.Protocol;
using Alignment.Sync.Inbox;
using Alignment.TestKit.Scoring;

namespace Alignment.Functions.Tests.Host;

/// <summary>
/// The built worker process, run and driven by a test acting as the Functions host over the <c>FunctionRpc</c> event
/// stream: it starts, reports and loads its functions (all of DeclaredFunctions), answers a signed HubSpot webhook by storing it in the
/// inbox in Azurite, rejects a bad signature, and runs ScoreAccounts against the HubSpot emulator.
/// </summary>
public sealed class WorkerRunTests(HostedWorkerFixture fixture) : IClassFixture<HostedWorkerFixture>
{
    private static readonly Uri HubSpotWebhookUrl = new("https://alignment-test.azurewebsites.net/api/webhooks/hubspot?code=test-function-key");

    [Fact]
    public async Task EventStream_InitMetadataLoadTerminate_ReportsEveryDeclaredFunctionLoadsEachAndExitsCleanly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var worker = await WorkerSession.StartAsync(fixture.AppSettings, ct);

        var init = await worker.InitAsync(ct);
        var metadata = await worker.GetMetadataAsync(ct);
        var loads = new List<FunctionLoadResponse>();
        foreach (var function in metadata.FunctionMetadataResults)
        {
            loads.Add(await worker.LoadAsync(function, ct));
        }

        await worker.GetStatusAsync(ct);
        var exitCode = await worker.TerminateAsync(ct);

        Assert.Equal(worker.WorkerId, worker.StartStream.WorkerId);
        Assert.Equal(StatusResult.Types.Status.Success, init.Result.Status);
        Assert.Equal("True", init.Capabilities.GetValueOrDefault("RawHttpBodyBytes"), ignoreCase: true);
        Assert.False(string.IsNullOrEmpty(init.WorkerMetadata?.WorkerVersion), "The worker reported no version.");
        Assert.Equal(StatusResult.Types.Status.Success, metadata.Result.Status);
        Assert.False(metadata.UseDefaultMetadataIndexing, "The worker asked the host to index it (workerIndexing is expected).");
        Assert.Equal(ExpectedFunction.All, metadata.FunctionMetadataResults.Select(Describe).OrderBy(f => f.Name, StringComparer.Ordinal));
        Assert.All(metadata.FunctionMetadataResults, f => Assert.Equal("Alignment.Functions.dll", f.ScriptFile));
        Assert.All(loads, l => Assert.Equal(StatusResult.Types.Status.Success, l.Result.Status));
        Assert.Equal(metadata.FunctionMetadataResults.Select(f => f.FunctionId).Order(), loads.Select(l => l.FunctionId).Order());
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task Start_MissingHubSpotToken_WorkerExitsBeforeTheStreamNamingTheSetting()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = new Dictionary<string, string?>(fixture.AppSettings, StringComparer.OrdinalIgnoreCase) { ["Alignment:HubSpot:AccessToken"] = null };

        var failure = await Assert.ThrowsAsync<WorkerProtocolException>(() => WorkerSession.StartAsync(settings, ct));

        Assert.Contains("The worker exited before it opened the event stream", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Alignment:HubSpot:AccessToken is required", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(HostedWorkerFixture.HubSpotSecret, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HubSpotWebhook_SignedDelivery_200AndInboxRowInAzurite()
    {
        var ct = TestContext.Current.CancellationToken;
        var company = fixture.CompanyOf(fixture.Seeds[0]);
        var eventId = NewEventId();
        var delivery = HubSpotDelivery.Signed(HostedWorkerFixture.HubSpotSecret, HubSpotWebhookUrl, eventId, company.Id, TimeProvider.System.GetUtcNow());

        var response = await fixture.Worker.InvokeSuccessfullyAsync(
            "HubSpotWebhook", RpcData.HttpRequest("request", "POST", HubSpotWebhookUrl, delivery.Headers, delivery.Body), ct);

        var http = RpcData.HttpResponse(response);
        Assert.True(http.StatusCode == 200, $"Expected 200, got {http.StatusCode}: {http.Body}{Environment.NewLine}{fixture.Worker.Describe()}");
        var row = await fixture.Inbox.GetAsync(EventKey(eventId), ct);
        Assert.NotNull(row);
        Assert.Equal(("hubspot", InboxState.Pending, 0), (row.Value.Source, row.Value.State, row.Value.Attempts));
        Assert.Equal([company.Id], row.Value.AccountIds);
    }

    [Fact]
    public async Task HubSpotWebhook_BadSignature_401AndNoInboxRow()
    {
        var ct = TestContext.Current.CancellationToken;
        var company = fixture.CompanyOf(fixture.Seeds[0]);
        var eventId = NewEventId();
        var delivery = HubSpotDelivery.Signed("not-the-app-secret", HubSpotWebhookUrl, eventId, company.Id, TimeProvider.System.GetUtcNow());
        var dueBefore = await DueCountAsync(ct);

        var response = await fixture.Worker.InvokeSuccessfullyAsync(
            "HubSpotWebhook", RpcData.HttpRequest("request", "POST", HubSpotWebhookUrl, delivery.Headers, delivery.Body), ct);

        var http = RpcData.HttpResponse(response);
        Assert.Equal(401, http.StatusCode);
        Assert.Contains("signature", http.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Null(await fixture.Inbox.GetAsync(EventKey(eventId), ct));
        Assert.Equal(dueBefore, await DueCountAsync(ct));
    }

    [Fact]
    public async Task ScoreAccounts_TimerInvocation_CrmFieldsAreWhatTheRulesImply()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = TimeProvider.System.GetUtcNow();

        await fixture.Worker.InvokeSuccessfullyAsync(
            "ScoreAccounts",
            RpcData.Timer("timer", before.AddMinutes(-15), before.AddMinutes(15), isPastDue: false),
            ct,
            new RetryContext { RetryCount = 0, MaxRetryCount = 3 });

        var after = TimeProvider.System.GetUtcNow();
        foreach (var seed in fixture.Seeds.Select(fixture.CompanyOf))
        {
            var actual = CrmFields.Of(fixture.HubSpot, seed.Id);
            var scoredAt = Assert.NotNull(actual.ScoredAt);
            Assert.InRange(scoredAt, before.AddSeconds(-1), after);
            Assert.Equal(Expected.AfterScoring(seed, scoredAt), actual);
        }

        var hot = CrmFields.Of(fixture.HubSpot, fixture.CompanyOf(fixture.Seeds[0]).Id);
        Assert.Equal((Tier.Tier1, HandoffStatus.Pending), (hot.Tier, hot.HandoffStatus));
        Assert.Equal(Tier.None, CrmFields.Of(fixture.HubSpot, fixture.CompanyOf(fixture.Seeds[1]).Id).Tier);
        var locked = CrmFields.Of(fixture.HubSpot, fixture.CompanyOf(fixture.Seeds[2]).Id);
        Assert.Equal((Tier.Tier3, true), (locked.Tier, locked.TierLocked));
    }

    [Fact]
    public async Task Health_GetInvocation_200WithConfiguredCrmAndShippedModelVersion()
    {
        var ct = TestContext.Current.CancellationToken;
        var url = new Uri("https://alignment-test.azurewebsites.net/api/health");

        var response = await fixture.Worker.InvokeSuccessfullyAsync("Health", RpcData.HttpRequest("request", "GET", url, [], []), ct);

        var http = RpcData.HttpResponse(response);
        Assert.Equal(200, http.StatusCode);
        using var body = JsonDocument.Parse(http.Body);
        var report = body.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(("ok", "HubSpot"), (report["status"], report["crm"]));
        Assert.Equal(DefaultScoringModel.Value.Version, report["modelVersion"]);
    }

    private static ExpectedFunction Describe(RpcFunctionMetadata function)
    {
        var bindings = function.RawBindings.Select(b => JsonSerializer.Deserialize<JsonElement>(b)).ToList();
        var trigger = bindings.Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
        var triggerName = trigger.GetProperty("name").GetString()!;
        var triggerType = trigger.GetProperty("type").GetString()!;
        Assert.Equal((triggerType, BindingInfo.Types.Direction.In), (function.Bindings[triggerName].Type, function.Bindings[triggerName].Direction));
        string detail;
        if (triggerType == "httpTrigger")
        {
            Assert.Equal(("http", BindingInfo.Types.Direction.Out), (function.Bindings["$return"].Type, function.Bindings["$return"].Direction));
            var methods = string.Join(",", trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()));
            detail = $"{methods} {trigger.GetProperty("route").GetString()} ({trigger.GetProperty("authLevel").GetString()})";
        }
        else if (triggerType == "queueTrigger")
        {
            detail = trigger.GetProperty("queueName").GetString() + " via " + trigger.GetProperty("connection").GetString();
        }
        else
        {
            detail = trigger.GetProperty("schedule").GetString()!;
        }

        var retry = function.RetryOptions is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"{(r.RetryStrategy == RpcRetryOptions.Types.RetryStrategy.FixedDelay ? "FixedDelay" : "ExponentialBackoff")} x{r.MaxRetryCount}")
            : null;
        return new ExpectedFunction(function.Name, triggerType, detail, retry);
    }

    private static long NewEventId() => 8_000_000 + Random.Shared.NextInt64(1_000_000);

    private static string EventKey(long eventId) => "hubspot:" + eventId.ToString(CultureInfo.InvariantCulture);

    private async Task<int> DueCountAsync(CancellationToken ct)
    {
        var count = 0;
        await foreach (var _ in fixture.Inbox.ListDueAsync(TimeProvider.System.GetUtcNow().AddDays(1), 1000, ct))
        {
            count++;
        }

        return count;
    }
}
