using Alignment.Core.Accounts;
using Alignment.Salesforce.Tests.Support;
using Alignment.Sync.Crm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Alignment.Salesforce.Tests.Logging;

public sealed class SalesforceLoggingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logs_TraceLevelReadsWritesAndTokenRefresh_NeverCarryTheAccessTokenOrKey()
    {
        await using var host = await SalesforceTestHost.StartAsync([TestAccounts.Make(1), TestAccounts.Make(2)]);
        var settings = SalesforceTestHost.Settings(host.Emulator);
        await using var services = SalesforceTestHost.BuildServices(
            settings, configure: s => s.AddFakeLogging().AddLogging(l => l.SetMinimumLevel(LogLevel.Trace)));
        var crm = services.GetRequiredService<ICrm>();

        var read = await crm.ReadAccountsAsync(new CrmReadRequest(null, TestAccounts.AsOf.AddDays(-90)), Ct).ToListAsync(Ct);
        host.Emulator.ExpireTokens();
        await crm.WriteAsync(
            [.. read.Select(a => new AccountWrite(a.Account.Id, new AlignmentState { Score = 7 }, new HashSet<AlignmentField> { AlignmentField.Score }))],
            Ct);

        var logs = services.GetFakeLogCollector().GetSnapshot();
        Assert.NotEmpty(logs);
        var tokenPrefix = host.Emulator.Options.OrganizationId[..15] + "!";
        foreach (var record in logs)
        {
            var text = record.Message + " " + string.Join(" ", record.StructuredState?.Select(kv => kv.Value) ?? []) + " " + record.Exception;
            Assert.DoesNotContain(tokenPrefix, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Authorization", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
        }
    }
}
