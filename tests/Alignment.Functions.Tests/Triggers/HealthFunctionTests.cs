using System.Net;
using System.Text.Json;
using Alignment.Functions.Triggers;
using Alignment.Hosting;
using Alignment.Hosting.Health;
using Alignment.Sync.Crm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alignment.Functions.Tests.Triggers;

public sealed class HealthFunctionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_EveryCheckHealthy_Answers200WithTheCrmModelVersionAndChecks()
    {
        using var services = Services(storageUp: true);
        using var trigger = new HttpTrigger("GET", "http://127.0.0.1:7071/api/health", []);

        await new HealthFunction(Reporter(services)).RunAsync(trigger.Request.Object, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, trigger.Response.StatusCode);
        using var body = JsonDocument.Parse(trigger.ResponseBody);
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("HubSpot", body.RootElement.GetProperty("crm").GetString());
        Assert.Equal("2026.12.0", body.RootElement.GetProperty("modelVersion").GetString());
        Assert.Equal(Now, body.RootElement.GetProperty("time").GetDateTimeOffset());
    }

    [Fact]
    public async Task RunAsync_StorageUnreachable_Answers503NamingTheFailedCheck()
    {
        using var services = Services(storageUp: false);
        using var trigger = new HttpTrigger("GET", "http://127.0.0.1:7071/api/health", []);

        await new HealthFunction(Reporter(services)).RunAsync(trigger.Request.Object, CancellationToken.None);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, trigger.Response.StatusCode);
        Assert.Contains("Table Storage unreachable", trigger.ResponseBody, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(trigger.ResponseBody);
        Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
    }

    private static ServiceProvider Services(bool storageUp)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHealthChecks()
            .AddCheck(ModelHealthCheck.Name, () => HealthCheckResult.Healthy("loaded", new Dictionary<string, object> { ["version"] = "2026.12.0" }))
            .AddCheck("storage", () => storageUp ? HealthCheckResult.Healthy("reachable") : HealthCheckResult.Unhealthy("Table Storage unreachable"));
        return services.BuildServiceProvider();
    }

    private static HealthReporter Reporter(ServiceProvider services) =>
        new(Options.Create(new AlignmentOptions { Crm = CrmKind.HubSpot }), services.GetRequiredService<HealthCheckService>(), new FakeTimeProvider(Now));
}
