using Alignment.Hosting.Configuration;
using Alignment.Hosting.Schedules;
using Alignment.Hosting.Webhooks;
using Alignment.HubSpot;
using Alignment.Salesforce.Configuration;
using Alignment.Slack;
using Alignment.Storage;
using Alignment.Sync.Alerts;
using Alignment.Sync.Crm;
using Alignment.Sync.Inbox;
using Alignment.Sync.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alignment.Hosting.Tests.Composition;

/// <summary>The composition root builds for every CRM choice with scope and build validation, and resolves everything.</summary>
public sealed class AlignmentCompositionTests
{
    public static TheoryData<string> Crms => ["Salesforce", "HubSpot"];

    private static IConfiguration Config(IEnumerable<KeyValuePair<string, string?>> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAlignment(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Theory]
    [MemberData(nameof(Crms))]
    public void AddAlignment_ValidSettings_ResolvesEveryPortAndOptions(string crm)
    {
        using var provider = Build(Config(ValidSettings.For(crm)));
        using var scope = provider.CreateScope();
        var services = scope.ServiceProvider;

        Assert.Equal(crm, services.GetRequiredService<IOptions<AlignmentOptions>>().Value.Crm.ToString());
        Assert.Equal(new ScheduleOptions().All(), services.GetRequiredService<IOptions<ScheduleOptions>>().Value.All());
        Assert.Equal("UseDevelopmentStorage=true", services.GetRequiredService<IOptions<TableStateOptions>>().Value.ConnectionString);
        Assert.Equal(new Uri("https://hooks.slack.com/services/T000/B000/XXXX"), services.GetRequiredService<IOptions<SlackOptions>>().Value.WebhookUrl);
        Assert.Equal("SlackAlertChannel", services.GetRequiredService<IAlertChannel>().GetType().Name);
        Assert.Equal("TableCheckpointStore", services.GetRequiredService<ICheckpointStore>().GetType().Name);
        Assert.Equal("TableTierHistoryStore", services.GetRequiredService<ITierHistoryStore>().GetType().Name);
        Assert.Equal("TableAlertLedgerStore", services.GetRequiredService<IAlertLedger>().GetType().Name);
        Assert.Equal("TableRunLedgerStore", services.GetRequiredService<IRunLedger>().GetType().Name);
        Assert.Equal("TableWebhookInboxStore", services.GetRequiredService<IWebhookInbox>().GetType().Name);
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
        Assert.Equal(4 * 1024 * 1024, services.GetRequiredService<IOptions<WebhookHostOptions>>().Value.MaxBodyBytes);
        var crmPort = services.GetRequiredService<ICrm>();
        Assert.Equal(crm.ToLowerInvariant(), crmPort.Name);
        var parser = Assert.Single(services.GetServices<IWebhookParser>());
        Assert.Equal(crm.ToLowerInvariant(), parser.Source);
        if (crm == "Salesforce")
        {
            Assert.Equal("3MVG9-test-consumer-key", services.GetRequiredService<IOptions<SalesforceOptions>>().Value.ClientId);
        }
        else
        {
            Assert.Equal("pat-na1-test-token", services.GetRequiredService<IOptions<HubSpotOptions>>().Value.AccessToken);
        }
    }

    [Fact]
    public void AddAlignment_NothingConfigured_OneExceptionListingEveryMissingSetting()
    {
        var services = new ServiceCollection();

        var exception = Assert.Throws<AlignmentConfigurationException>(() => services.AddAlignment(Config([])));

        var settings = exception.Problems.Select(p => p.Setting).ToList();
        Assert.Contains("Alignment:Crm", settings);
        Assert.Contains(settings, s => s.StartsWith("Alignment:State", StringComparison.Ordinal));
        Assert.Contains("Alignment:Slack:WebhookUrl", settings);
        Assert.DoesNotContain(settings, s => s.StartsWith("Alignment:Salesforce", StringComparison.Ordinal));
        Assert.All(exception.Problems, p => Assert.Contains(p.ToString(), exception.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void AddAlignment_MalformedSettings_ReportsEachWithoutSecretValues()
    {
        var settings = ValidSettings.For("Salesforce")
            .Where(s => s.Key != "Alignment:Slack:WebhookUrl")
            .Append(KeyValuePair.Create<string, string?>("Alignment:Slack:WebhookUrl", "not-a-url-s3cr3t"))
            .Append(KeyValuePair.Create<string, string?>("Alignment:Schedules:Score", "every 15 minutes"))
            .Append(KeyValuePair.Create<string, string?>("Alignment:State:TablePrefix", "1bad"));

        var exception = Assert.Throws<AlignmentConfigurationException>(() => new ServiceCollection().AddAlignment(Config(settings)));

        Assert.Equal(
            ["Alignment:Schedules:Score", "Alignment:Slack:WebhookUrl", "Alignment:State:TablePrefix"],
            exception.Problems.Select(p => p.Setting).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("s3cr3t", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Alignment__Schedules__Score=0 */15 * * * *", exception.Message, StringComparison.Ordinal);
    }
    [Theory]
    [InlineData("Salesforce", "Alignment:Salesforce:ClientId")]
    [InlineData("HubSpot", "Alignment:HubSpot:AccessToken")]
    public void AddAlignment_ChosenCrmIncomplete_ReportsItsSettingsOnly(string crm, string missing)
    {
        var settings = ValidSettings.For(crm).Where(s => s.Key != missing);

        var exception = Assert.Throws<AlignmentConfigurationException>(() => new ServiceCollection().AddAlignment(Config(settings)));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal(missing, problem.Setting);
        Assert.Contains(problem.AppSetting, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAlignment_SalesforceKeyMalformed_ReportedWithoutTheKey()
    {
        var settings = ValidSettings.For("Salesforce")
            .Where(s => s.Key != "Alignment:Salesforce:PrivateKeyPem")
            .Append(KeyValuePair.Create<string, string?>("Alignment:Salesforce:PrivateKeyPem", "MIIE-not-a-pem-s3cr3t"));

        var exception = Assert.Throws<AlignmentConfigurationException>(() => new ServiceCollection().AddAlignment(Config(settings)));

        Assert.Equal("Alignment:Salesforce:PrivateKeyPem", Assert.Single(exception.Problems).Setting);
        Assert.DoesNotContain("s3cr3t", exception.Message, StringComparison.Ordinal);
    }
}
