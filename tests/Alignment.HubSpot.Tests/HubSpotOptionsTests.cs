using Alignment.Sync.Crm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Alignment.HubSpot.Tests;

public sealed class HubSpotOptionsTests
{
    private static OptionsValidationException Invalid(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddHubSpotCrm(configuration).BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<HubSpotOptions>>().Value);
    }

    [Fact]
    public void Validate_MissingToken_NamesTheSettingWithAnExample()
    {
        var error = Invalid([]);

        Assert.Contains("Alignment:HubSpot:AccessToken", error.Message, StringComparison.Ordinal);
        Assert.Contains("pat-na1-", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Alignment:HubSpot:ApiVersion", "2026-3", "Alignment:HubSpot:ApiVersion")]
    [InlineData("Alignment:HubSpot:MaxDailyApiShare", "1.5", "Alignment:HubSpot:MaxDailyApiShare")]
    [InlineData("Alignment:HubSpot:SearchRequestsPerSecond", "10", "Alignment:HubSpot:SearchRequestsPerSecond")]
    [InlineData("Alignment:HubSpot:Properties:Scor", "x_score", "Alignment:HubSpot:Properties:Scor")]
    [InlineData("Alignment:HubSpot:Properties:Score", "Bad Name", "Alignment:HubSpot:Properties:Score")]
    [InlineData("Alignment:HubSpot:WebhookSignatureVersions:0", "v4", "WebhookSignatureVersions")]
    [InlineData("Alignment:HubSpot:DefaultOwnerTimeZone", "Mars/Olympus", "DefaultOwnerTimeZone")]
    [InlineData("Alignment:HubSpot:OwnerTimeZones:owner-1", "Mars/Olympus", "OwnerTimeZones:owner-1")]
    [InlineData("Alignment:HubSpot:SearchResultCap", "10", "Alignment:HubSpot:SearchResultCap must be at least 400, e.g. 10000.")]
    [InlineData("Alignment:HubSpot:MaxRetries", "11", "Alignment:HubSpot:MaxRetries must be between 0 and 10, e.g. 4.")]
    public void Validate_BadSetting_NamesIt(string key, string value, string named)
    {
        var error = Invalid(new() { ["Alignment:HubSpot:AccessToken"] = "pat", [key] = value });

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddHubSpotCrm_ValidSettings_ResolvesTheCrmParserAndSetup()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Alignment:HubSpot:AccessToken"] = "pat" }).Build();
        using var provider = new ServiceCollection().AddHubSpotCrm(configuration).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.Equal("hubspot", provider.GetRequiredService<ICrm>().Name);
        Assert.Contains(provider.GetServices<Sync.Inbox.IWebhookParser>(), p => p.Source == "hubspot");
        Assert.NotSame(provider.GetRequiredService<Alignment.HubSpot.Setup.HubSpotPortalSetup>(), provider.GetRequiredService<Alignment.HubSpot.Setup.HubSpotPortalSetup>());
        Assert.Equal(new Uri("https://api.hubapi.com/"), provider.GetRequiredService<IOptions<HubSpotOptions>>().Value.BaseUrl);
        Assert.Equal("2026-03", provider.GetRequiredService<IOptions<HubSpotOptions>>().Value.ApiVersion);
    }

    [Fact]
    public async Task ValidateOnStart_BadSettings_FailsTheHostStart()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddHubSpotCrm(builder.Configuration);
        using var host = builder.Build();

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
    }
}
