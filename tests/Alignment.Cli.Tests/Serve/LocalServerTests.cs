using System.Globalization;
using System.Net;
using System.Text;
using Alignment.Cli.Demo;
using Alignment.Cli.Sandbox;
using Alignment.Cli.Serve;
using Alignment.Core.Accounts;
using Alignment.Core.Evaluation;
using Alignment.Core.Model;
using Alignment.Core.Signals;
using Alignment.Core.Tiers;
using Alignment.Hosting;
using Alignment.Hosting.Schedules;
using Alignment.HubSpot.Webhooks;
using Alignment.Sync.Crm;
using Alignment.Sync.Inbox;
using Alignment.TestKit.Paths;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Cli.Tests.Serve;

/// <summary>
/// <c>alignment serve</c> end to end on loopback: the HubSpot emulator (generated org), Azurite and the Slack sink;
/// signed HubSpot v3 webhooks go through the server's route into the inbox, the server's DrainInbox timer rescores the
/// company and writes it back to the emulator, and an SLA sweep after the deadline posts the breach to the sink.
/// </summary>
public sealed class LocalServerTests : IAsyncLifetime
{
    private const int AccountCount = 80;
    private static readonly DateTimeOffset Start = new(2026, 11, 17, 14, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan DrainWait = TimeSpan.FromSeconds(60);

    private readonly SimulatedClock _clock = new(Start);
    private readonly HttpClient _http = new(new SocketsHttpHandler(), disposeHandler: true);
    private SandboxEnvironment _sandbox = null!;
    private WebApplication _app = null!;
    private Uri _webhookUrl = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _sandbox = await SandboxEnvironment.StartAsync(
            new SandboxOptions { Crms = [CrmKind.HubSpot], AccountCount = AccountCount, Time = _clock, RepoRoot = RepoPaths.RepoRoot },
            null,
            ct);
        var settings = new Dictionary<string, string?>(_sandbox.ConnectorSettings(CrmKind.HubSpot), StringComparer.OrdinalIgnoreCase)
        {
            // Drain every second; the other timers stay off the test's way (1 January).
            ["Alignment:Schedules:DrainInbox"] = "* * * * * *",
            ["Alignment:Schedules:Score"] = "0 0 0 1 1 *",
            ["Alignment:Schedules:FullRescore"] = "0 0 0 1 1 *",
            ["Alignment:Schedules:SweepSla"] = "0 0 0 1 1 *",
            ["Alignment:Slack:MessagesPerSecondPerChannel"] = "100",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _app = LocalServer.Build(configuration, new LocalServerOptions { Port = 0 }, services => services.AddSingleton<TimeProvider>(_clock));
        await _app.StartAsync(ct);
        _webhookUrl = new Uri(LocalServer.Address(_app), LocalServer.HubSpotRoute);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
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
    public async Task Post_SignedHubSpotWebhook_CompanyRescoredInEmulatorAndBreachPostedToSlack()
    {
        var ct = TestContext.Current.CancellationToken;
        var account = AccountWithHandoff();
        var companyId = _sandbox.HubSpot!.CompanyIdOf(account.Id);
        var before = _sandbox.HubSpot.GetCompanyProperties(companyId)!;

        using var response = await PostAsync(Delivery(eventId: 7001, companyId), sign: true, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await WaitForRescoreAsync(companyId, before, ct);
        Assert.Equal(account.Name, after["name"]);
        Assert.NotEqual(before.GetValueOrDefault("alignment_model_version"), after["alignment_model_version"]);
        Assert.Contains(after["alignment_tier"], new[] { "Tier1", "Tier2" });
        Assert.False(string.IsNullOrEmpty(after["alignment_handoff_rule"]));
        var due = Instant(after["alignment_sla_due"]);
        Assert.True(due > Start, $"SLA due {due:O} is not after the handoff");
        Assert.Empty(_sandbox.Slack.Messages);

        // The owner does not answer; serve's SweepSla timer job after the deadline writes Breached and alerts the channel.
        _clock.AdvanceTo(due.AddMinutes(5));
        var sweep = Assert.Single(ScheduledJobs.From(new ScheduleOptions()), j => j.Name == "SweepSla");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await sweep.RunAsync(scope.ServiceProvider, ct);
        }

        Assert.Equal("Breached", _sandbox.HubSpot.GetCompanyProperties(companyId)!["alignment_sla_status"]);
        var breach = Assert.Single(_sandbox.Slack.Messages, m => (m.Text ?? "").StartsWith("SLA breached", StringComparison.Ordinal));
        Assert.Equal(SandboxEnvironment.AlertChannel, breach.Channel);
        Assert.Contains(account.Name!, breach.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BadSignature_401AndNothingStoredOrWritten()
    {
        var ct = TestContext.Current.CancellationToken;
        var companyId = _sandbox.HubSpot!.CompanyIdOf(AccountWithHandoff().Id);
        var before = _sandbox.HubSpot.GetCompanyProperties(companyId)!;
        var writesBefore = _sandbox.HubSpot.Counter["batch-update"];

        using var response = await PostAsync(Delivery(eventId: 7002, companyId), sign: false, ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var inbox = scope.ServiceProvider.GetRequiredService<IWebhookInbox>();
            Assert.Null(await inbox.GetAsync("hubspot:7002", ct));
            var due = new List<InboxItem>();
            await foreach (var item in inbox.ListDueAsync(_clock.GetUtcNow().AddDays(1), 10, ct))
            {
                due.Add(item.Value);
            }

            Assert.Empty(due);
        }

        Assert.Equal(writesBefore, _sandbox.HubSpot.Counter["batch-update"]);
        Assert.Equal(before, _sandbox.HubSpot.GetCompanyProperties(companyId));
        Assert.Empty(_sandbox.Slack.Messages);
    }

    // A company the default model hands off now: Tier 1 or 2 (not locked) with three pricing-page views this week.
    private Account AccountWithHandoff()
    {
        var model = ModelFileReader.Read(File.ReadAllText(RepoPaths.InRepo("config", "scoring.json"))).Model
            ?? throw new InvalidOperationException("config/scoring.json is invalid.");
        var evaluator = new AccountEvaluator(model);
        return _sandbox.Org.Accounts.First(a =>
            a.Current is not { TierLocked: true }
            && evaluator.Evaluate(a, Start).Tier is Tier.Tier1 or Tier.Tier2
            && a.Signals.Count(s => s.Kind == SignalKind.PricingPageView && s.At > Start.AddDays(-7)) >= 3);
    }

    private string Delivery(long eventId, string companyId) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""[{"eventId":{{eventId}},"subscriptionId":4001,"portalId":62515,"appId":1160452,"occurredAt":{{_clock.GetUtcNow().ToUnixTimeMilliseconds()}},"subscriptionType":"company.propertyChange","attemptNumber":0,"objectId":{{companyId}},"propertyName":"numberofemployees","propertyValue":"450","changeSource":"CRM_UI"}]""");

    private async Task<HttpResponseMessage> PostAsync(string body, bool sign, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = _clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var secret = sign ? SandboxEnvironment.HubSpotClientSecret : "not-the-app-secret";
        using var request = new HttpRequestMessage(HttpMethod.Post, _webhookUrl) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-HubSpot-Signature-v3", HubSpotSignature.V3(secret, "POST", _webhookUrl.AbsoluteUri, bytes, timestamp));
        request.Headers.Add("X-HubSpot-Request-Timestamp", timestamp);
        return await _http.SendAsync(request, ct);
    }

    // The drain runs on the server's own timer (every second); bounded wait for its write to reach the emulator.
    private async Task<IReadOnlyDictionary<string, string?>> WaitForRescoreAsync(string companyId, IReadOnlyDictionary<string, string?> before, CancellationToken ct)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(deadline) < DrainWait)
        {
            var now = _sandbox.HubSpot!.GetCompanyProperties(companyId)!;
            if (now.GetValueOrDefault("alignment_scored_at") is { } scoredAt && scoredAt != before.GetValueOrDefault("alignment_scored_at"))
            {
                return now;
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException($"The inbox was not drained into the emulator within {DrainWait.TotalSeconds} s.");
    }

    private static DateTimeOffset Instant(string? value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.Parse(value ?? throw new InvalidOperationException("No SLA due date was written."), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
