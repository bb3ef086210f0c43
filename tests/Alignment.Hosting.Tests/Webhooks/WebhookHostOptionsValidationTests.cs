using Alignment.Hosting.Configuration;
using Alignment.Hosting.Tests.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Hosting.Tests.Webhooks;

public sealed class WebhookHostOptionsValidationTests
{
    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("104857601")]
    public void AddAlignment_BodyLimitThatRefusesEverything_ConfigurationErrorNamingTheSettingAndAnExample(string value)
    {
        var settings = new List<KeyValuePair<string, string?>>(ValidSettings.For("HubSpot")) { new("Alignment:Webhooks:MaxBodyBytes", value) };

        var e = Assert.Throws<AlignmentConfigurationException>(() =>
            new ServiceCollection().AddLogging().AddAlignment(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("Alignment:Webhooks:MaxBodyBytes", problem.Setting);
        Assert.Contains("Example: Alignment__Webhooks__MaxBodyBytes=4194304", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAlignment_RelativePublicBaseUrl_ConfigurationError()
    {
        var settings = new List<KeyValuePair<string, string?>>(ValidSettings.For("HubSpot")) { new("Alignment:Webhooks:PublicBaseUrl", "ftp://x.example") };

        var e = Assert.Throws<AlignmentConfigurationException>(() =>
            new ServiceCollection().AddLogging().AddAlignment(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));

        Assert.Equal("Alignment:Webhooks:PublicBaseUrl", Assert.Single(e.Problems).Setting);
    }
}
