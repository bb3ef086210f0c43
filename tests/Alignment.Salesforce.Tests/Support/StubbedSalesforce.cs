using Alignment.Salesforce.Auth;
using Alignment.Salesforce.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Salesforce.Tests.Support;

/// <summary>The adapter wired to a <see cref="StubHandler"/> instead of the network.</summary>
internal static class StubbedSalesforce
{
    public static ServiceProvider Build(StubHandler stub, Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Alignment:Salesforce:LoginUrl"] = "https://login.salesforce.com",
            ["Alignment:Salesforce:ClientId"] = "3MVG9-test",
            ["Alignment:Salesforce:Username"] = "integration@example.com",
            ["Alignment:Salesforce:PrivateKeyPem"] = TestKeys.PrivateKeyPem,
            ["Alignment:Salesforce:RetryBaseDelay"] = "00:00:00.001",
            ["Alignment:Salesforce:Signals:CampaignMembers"] = "false",
        };
        configure?.Invoke(settings);
        return SalesforceTestHost.BuildServices(settings, configure: services =>
        {
            services.AddHttpClient(SalesforceTokenClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => stub);
            services.AddHttpClient<SalesforceApiClient>().ConfigurePrimaryHttpMessageHandler(() => stub);
        });
    }
}
