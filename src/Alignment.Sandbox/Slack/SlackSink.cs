using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alignment.Sandbox.Slack;

/// <summary>
/// A local Slack on 127.0.0.1: an incoming webhook (<see cref="WebhookUrl"/>) and the Web API methods
/// <c>chat.postMessage</c>, <c>users.lookupByEmail</c>, <c>conversations.history</c>, <c>conversations.open</c> (under <see cref="ApiBaseAddress"/>),
/// recording every message, with injectable faults and request counters. For tests and <c>alignment demo</c>.
/// </summary>
public sealed class SlackSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SlackSinkState _state;

    private SlackSink(WebApplication app, SlackSinkState state, Uri baseAddress)
    {
        _app = app;
        _state = state;
        BaseAddress = baseAddress;
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The Web API base (<c>…/api/</c>) for <c>Alignment:Slack:ApiBaseUrl</c>.</summary>
    public Uri ApiBaseAddress => new(BaseAddress, "api/");

    /// <summary>The incoming webhook URL for <c>Alignment:Slack:WebhookUrl</c>.</summary>
    public Uri WebhookUrl => new(BaseAddress, SlackSinkEndpoints.WebhookPath.TrimStart('/'));

    /// <summary>The bot token the Web API accepts.</summary>
    public string BotToken => _state.Options.BotToken;

    /// <summary>Every message accepted so far, in arrival order.</summary>
    public IReadOnlyList<SlackSinkMessage> Messages => _state.Messages;

    /// <summary>Requests received for a method (<c>chat.postMessage</c>, <c>users.lookupByEmail</c>, <c>conversations.history</c>, <c>conversations.open</c>, <c>webhook</c>), faults included.</summary>
    public int RequestCount(string method) => _state.RequestCount(method);

    public int TotalRequests => _state.TotalRequests;

    public static async Task<SlackSink> StartAsync(SlackSinkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var state = new SlackSinkState(options);
        SlackSinkEndpoints.Map(app, state);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SlackSink(app, state, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Answers the next <paramref name="times"/> matching requests with <paramref name="fault"/>.</summary>
    public void InjectFault(SlackFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _state.Inject(fault, times);
    }

    /// <summary>Forgets messages, faults and counters.</summary>
    public void Clear() => _state.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
