using Alignment.Sync.Alerts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alignment.Slack.Tests;

public sealed class SlackServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSlackAlerts_ValidWebhookSettings_ResolvesChannel()
    {
        using var provider = Build(new() { ["Mode"] = "Webhook", ["WebhookUrl"] = "https://hooks.slack.com/services/T0/B0/secret" });

        var channel = Assert.IsType<SlackAlertChannel>(provider.GetRequiredService<IAlertChannel>());
        Assert.Same(channel, provider.GetRequiredService<IAlertChannel>());
        Assert.Equal(new Uri("https://hooks.slack.com/services/T0/B0/secret"), provider.GetRequiredService<IOptions<SlackOptions>>().Value.WebhookUrl);
        Assert.Equal(1, provider.GetRequiredService<IOptions<SlackOptions>>().Value.MessagesPerSecondPerChannel);
    }

    [Fact]
    public void AddSlackAlerts_BotWithoutTokenOrChannel_FailsNamingBothSettings()
    {
        using var provider = Build(new() { ["Mode"] = "Bot" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SlackOptions>>().Value);

        Assert.Contains("Alignment:Slack:BotToken", error.Message, StringComparison.Ordinal);
        Assert.Contains("Alignment:Slack:Channel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSlackAlerts_BadToken_MessageDoesNotRepeatIt()
    {
        using var provider = Build(new() { ["Mode"] = "Bot", ["BotToken"] = "hunter2-secret", ["Channel"] = "C0123" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SlackOptions>>().Value);

        Assert.Contains("Alignment:Slack:BotToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://hooks.slack.com/services/T0/B0/secret")]
    [InlineData("not a url")]
    public void AddSlackAlerts_WebhookUrlNotHttps_Fails(string url)
    {
        using var provider = Build(new() { ["Mode"] = "Webhook", ["WebhookUrl"] = url });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SlackOptions>>().Value);

        Assert.Contains("Alignment:Slack:WebhookUrl", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MessagesPerSecondPerChannel", "0")]
    [InlineData("EscalationChannel", "revops")]
    [InlineData("UserMap:ae@example.com", "ae")]
    public void AddSlackAlerts_BadSetting_FailsNamingIt(string key, string value)
    {
        using var provider = Build(new() { ["Mode"] = "Bot", ["BotToken"] = "xoxb-1", ["Channel"] = "C0123", [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SlackOptions>>().Value);

        Assert.Contains("Alignment:Slack:" + key.Split(':')[0], error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ae@example.com", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSlackAlerts(new ConfigurationBuilder()
                .AddInMemoryCollection(settings.Select(kv => KeyValuePair.Create("Alignment:Slack:" + kv.Key, kv.Value)))
                .Build())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
}
