using Alignment.Hosting.Health;
using Alignment.Hosting.Tests.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Hosting.Tests.Health;

/// <summary>Health tells the truth about unreachable dependencies (nothing listens on port 1 of loopback).</summary>
public sealed class HealthReporterTests
{
    [Fact]
    public async Task CheckAsync_StorageAndSalesforceUnreachable_503NamingBoth()
    {
        var settings = new List<KeyValuePair<string, string?>>(ValidSettings.For("Salesforce").Where(s => s.Key != "Alignment:State:ConnectionString"))
        {
            new("Alignment:State:ConnectionString", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;"),
            new("Alignment:Salesforce:LoginUrl", "http://127.0.0.1:1"),
            new("Alignment:Salesforce:MaxRetries", "1"),
        };
        var services = new ServiceCollection().AddLogging();
        services.AddAlignment(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var report = await provider.GetRequiredService<HealthReporter>().CheckAsync(TestContext.Current.CancellationToken);

        Assert.Equal(("unhealthy", 503), (report.Status, report.StatusCode));
        Assert.Equal(["crm", "model", "storage"], report.Checks.Select(c => c.Name));
        var storage = Assert.Single(report.Checks, c => c.Name == "storage");
        Assert.Equal("unhealthy", storage.Status);
        Assert.Contains("Table Storage", storage.Description, StringComparison.Ordinal);
        var crm = Assert.Single(report.Checks, c => c.Name == "crm");
        Assert.Equal("unhealthy", crm.Status);
        Assert.Contains("Salesforce access token", crm.Description, StringComparison.Ordinal);
        Assert.Equal("ok", Assert.Single(report.Checks, c => c.Name == "model").Status);
        Assert.False(string.IsNullOrEmpty(report.ModelVersion));
        Assert.DoesNotContain("AccountKey", string.Join(" ", report.Checks.Select(c => c.Description)), StringComparison.Ordinal);
    }
}
