using System.Net;
using System.Text.Json;
using Alignment.Functions.Triggers;
using Alignment.Hosting;
using Alignment.Hosting.Health;
using Alignment.Sync.Scoring;
using Alignment.TestKit.Scoring;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alignment.Functions.Tests.Triggers;

public sealed class HealthFunctionTests
{
    [Fact]
    public async Task RunAsync_Get_Answers200WithTheCrmModelVersionAndClockOnly()
    {
        var now = new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.Zero);
        var rules = AlignmentRules.From(DefaultScoringModel.Value);
        var reporter = new HealthReporter(Options.Create(new AlignmentOptions { Crm = CrmChoice.HubSpot }), rules, new FakeTimeProvider(now));
        using var trigger = new HttpTrigger("GET", "http://127.0.0.1:7071/api/health", []);

        await new HealthFunction(reporter).RunAsync(trigger.Request.Object, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, trigger.Response.StatusCode);
        using var body = JsonDocument.Parse(trigger.ResponseBody);
        Assert.Equal(["status", "crm", "modelVersion", "time"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("HubSpot", body.RootElement.GetProperty("crm").GetString());
        Assert.Equal(rules.ModelVersion, body.RootElement.GetProperty("modelVersion").GetString());
        Assert.Equal(now, body.RootElement.GetProperty("time").GetDateTimeOffset());
    }
}
