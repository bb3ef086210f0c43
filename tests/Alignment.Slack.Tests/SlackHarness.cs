using Alignment.Sandbox.Slack;
using Alignment.Sync.Alerts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Alignment.Slack.Tests;

/// <summary>A Slack sink and a service provider with <c>AddSlackAlerts</c> pointed at it.</summary>
internal sealed class SlackHarness : IAsyncDisposable
{
    public const string OwnerEmail = "ae@example.com";
    public const string OwnerUserId = "U024BE7LH";
    public const string AlertChannel = "C0ALERTS";
    public const string RevOpsChannel = "C0REVOPS";

    private readonly ServiceProvider _provider;

    private SlackHarness(SlackSink sink, ServiceProvider provider, FakeTimeProvider? time)
    {
        Sink = sink;
        _provider = provider;
        Time = time;
    }

    public SlackSink Sink { get; }

    public FakeTimeProvider? Time { get; }

    public IAlertChannel Channel => _provider.GetRequiredService<IAlertChannel>();

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Bot mode against the sink unless <paramref name="settings"/> says otherwise (keys under <c>Alignment:Slack:</c>).</summary>
    public static async Task<SlackHarness> StartAsync(Dictionary<string, string?>? settings = null, FakeTimeProvider? time = null, bool webhook = false)
    {
        var sinkOptions = new SlackSinkOptions { TimeProvider = (TimeProvider?)time ?? TimeProvider.System };
        sinkOptions.Users[OwnerEmail] = OwnerUserId;
        sinkOptions.Channels.Add(AlertChannel);
        sinkOptions.Channels.Add(RevOpsChannel);
        var sink = await SlackSink.StartAsync(sinkOptions, TestContext.Current.CancellationToken);

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Mode"] = webhook ? "Webhook" : "Bot",
            ["ApiBaseUrl"] = sink.ApiBaseAddress.AbsoluteUri,
            ["BotToken"] = webhook ? null : sink.BotToken,
            ["Channel"] = webhook ? null : AlertChannel,
            ["WebhookUrl"] = webhook ? sink.WebhookUrl.AbsoluteUri : null,
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(kv => KeyValuePair.Create("Alignment:Slack:" + kv.Key, kv.Value)))
            .Build();
        var services = new ServiceCollection().AddFakeLogging();
        if (time is not null)
        {
            services.AddSingleton<TimeProvider>(time);
        }

        var provider = services.AddSlackAlerts(configuration).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new SlackHarness(sink, provider, time);
    }

    /// <summary>Awaits <paramref name="task"/>, advancing the fake clock by <paramref name="step"/> while it waits (bounded).</summary>
    public async Task PumpAsync(Task task, TimeSpan step, int maxSteps = 400)
    {
        var time = Time ?? throw new InvalidOperationException("No fake clock.");
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(20), TestContext.Current.CancellationToken));
            if (!task.IsCompleted)
            {
                time.Advance(step);
            }
        }

        await task;
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Sink.DisposeAsync();
    }
}
