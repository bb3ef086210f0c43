using System.Security.Cryptography;
using System.Text.Json;
using Alignment.Hosting.Health;
using Alignment.Hosting.Schedules;
using Alignment.TestKit.Paths;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Hosting.Tests.Samples;

/// <summary><c>local.settings.sample.json</c> (the file people copy for <c>func start</c> and <c>alignment serve</c>) is a configuration the composition root accepts.</summary>
public sealed class LocalSettingsSampleTests
{
    private static Dictionary<string, string?> SampleValues()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.InRepo("local.settings.sample.json")));
        return document.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.GetString(), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Sample_LocalDevelopment_UsesAzuriteAndTheIsolatedWorker()
    {
        var values = SampleValues();

        Assert.Equal("UseDevelopmentStorage=true", values["AzureWebJobsStorage"]);
        Assert.Equal("dotnet-isolated", values["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.All(new ScheduleOptions().All(), timer => Assert.Equal(timer.Expression, values[timer.Key]));
    }

    [Theory]
    [InlineData("Salesforce")]
    [InlineData("HubSpot")]
    public async Task AddAlignment_SampleWithThePemFilledIn_Accepted(string crm)
    {
        var values = SampleValues();
        using var rsa = RSA.Create(2048);
        values["Alignment:Crm"] = crm;
        values["Alignment:Salesforce:PrivateKeyPem"] = rsa.ExportPkcs8PrivateKeyPem();
        values["Alignment:Sync:ModelPath"] = RepoPaths.InRepo(values["Alignment:Sync:ModelPath"]!.Split('/'));
        var services = new ServiceCollection();
        services.AddLogging();

        services.AddAlignment(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var health = await provider.GetRequiredService<HealthReporter>().CheckAsync(TestContext.Current.CancellationToken);
        Assert.Equal(crm, health.Crm);
        Assert.False(string.IsNullOrEmpty(health.ModelVersion));
    }
}
