using System.Net;
using Alignment.Hosting.Webhooks;
using Alignment.Sync.Inbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.Benchmarks.Inbox;

/// <summary>
/// <c>POST /api/webhooks/{source}</c> on 127.0.0.1 (free port), handing each delivery to the connector's
/// <see cref="WebhookIntakeJob"/> as <c>alignment serve</c> does: raw bytes, bounded; the job stores, then the answer.
/// </summary>
internal sealed class WebhookEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookEndpoint(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri UrlFor(string source) => new(BaseAddress, "api/webhooks/" + source);

    public static async Task<WebhookEndpoint> StartAsync(IServiceProvider connector, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/api/webhooks/{source}", context => ReceiveAsync(context, connector, (string)context.Request.RouteValues["source"]!));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebhookEndpoint(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private static async Task ReceiveAsync(HttpContext context, IServiceProvider services, string source)
    {
        var options = services.GetRequiredService<IOptions<WebhookHostOptions>>().Value;
        var cancellationToken = context.RequestAborted;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in context.Request.Headers)
        {
            headers[name] = values.ToString();
        }

        var body = await WebhookBody.ReadAsync(context.Request.Body, options.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var url = PublicUrl.Resolve(new Uri(context.Request.GetEncodedUrl()), headers.GetValueOrDefault, options.PublicBaseUrl);
        var delivery = new WebhookRequest(context.Request.Method.ToUpperInvariant(), url, headers, body);
        var result = await services.GetRequiredService<WebhookIntakeJob>().RunAsync(new WebhookIntakeRequest(source, delivery), cancellationToken);
        context.Response.StatusCode = result.StatusCode;
        context.Response.ContentType = result.ContentType;
        await context.Response.WriteAsync(result.Body, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
