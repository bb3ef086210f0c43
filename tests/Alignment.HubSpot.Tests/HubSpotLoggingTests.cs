using System.Globalization;
using System.Text;
using Alignment.Core.Accounts;
using Alignment.Core.Signals;
using Alignment.HubSpot.Tests.Crm;
using Alignment.HubSpot.Tests.Support;
using Alignment.HubSpot.Webhooks;
using Alignment.Sync.Crm;
using Alignment.Sync.Inbox;
using static Alignment.HubSpot.Tests.Support.SeedAccounts;

namespace Alignment.HubSpot.Tests;

public sealed class HubSpotLoggingTests
{
    private const string ClientSecret = "cs-7f3a9c-do-not-log";

    [Fact]
    public async Task Logs_ReadsWritesThrottlingFailuresAndRejectedWebhooks_NeverCarryTheTokenSecretOrEmails()
    {
        await using var host = await HubSpotTestHost.StartAsync(
            [Make("1001", At(SignalKind.EmailReply, 1, "c1")), Make("1002")],
            settings: new Dictionary<string, string?> { ["Alignment:HubSpot:ClientSecret"] = ClientSecret });
        host.Emulator.Faults.RateLimitNext(1);
        host.Emulator.Faults.FailNext(1);
        host.Emulator.Faults.RejectUpdatesOf("1002");

        await HubSpotCrmReadTests.ReadAllAsync(host.Crm, new CrmReadRequest(null, AsOf.AddDays(-90)));
        await host.Crm.WriteAsync(
            [.. new[] { "1001", "1002" }.Select(id => new AccountWrite(id, new AlignmentState { Score = 5 }, new HashSet<AlignmentField> { AlignmentField.Score }))],
            TestContext.Current.CancellationToken);
        var timestamp = AsOf.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var rejected = host.Parser.Parse(new WebhookRequest("POST", new Uri("https://alignment.example.com/api/webhooks/hubspot"), new Dictionary<string, string>
        {
            ["X-HubSpot-Signature-v3"] = HubSpotSignature.V3("wrong", "POST", "https://alignment.example.com/api/webhooks/hubspot", "[]"u8, timestamp),
            ["X-HubSpot-Request-Timestamp"] = timestamp,
        }, Encoding.UTF8.GetBytes("[]")), AsOf);

        var logs = host.Logs.GetSnapshot();
        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains(logs, l => l.Category?.EndsWith("HubSpotRateLimitHandler", StringComparison.Ordinal) == true);
        Assert.Contains(logs, l => l.Category?.EndsWith("HubSpotWebhookParser", StringComparison.Ordinal) == true);
        Assert.Contains(logs, l => l.Category?.EndsWith("HubSpotCrm", StringComparison.Ordinal) == true);
        Assert.Contains(logs, l => l.Category?.EndsWith("HubSpotHttpLogger", StringComparison.Ordinal) == true && l.Level == Microsoft.Extensions.Logging.LogLevel.Information);
        foreach (var record in logs)
        {
            var text = record.Message + " " + string.Join(" ", record.StructuredState?.Select(kv => kv.Value) ?? []) + " " + record.Exception;
            Assert.DoesNotContain(HubSpotTestHost.Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(ClientSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("@example.com", text, StringComparison.Ordinal);
        }
    }
}
