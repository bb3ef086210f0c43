using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alignment.Functions.Tests.Telemetry;

/// <summary>
/// Stands in for Application Insights' ingestion endpoint on 127.0.0.1: accepts the Azure Monitor exporter's
/// <c>POST /v2.1/track</c> (newline-delimited JSON envelopes, gzip-encoded) and keeps the decoded bodies; every other
/// path (live metrics) gets 404.
/// </summary>
internal sealed class IngestionEndpoint : IAsyncDisposable
{
    private readonly List<string> _bodies = [];
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    /// <summary>A connection string that sends the exporter here (a made-up key: nothing leaves the machine).</summary>
    public string ConnectionString =>
        $"InstrumentationKey=00000000-0000-4000-8000-000000000001;IngestionEndpoint={Address};LiveEndpoint={Address}";

    /// <summary>Every envelope line received so far.</summary>
    public IReadOnlyList<string> Envelopes
    {
        get
        {
            lock (_bodies)
            {
                return [.. _bodies.SelectMany(b => b.Split('\n', StringSplitOptions.RemoveEmptyEntries))];
            }
        }
    }

    public static async Task<IngestionEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        var endpoint = new IngestionEndpoint();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/v2.1/track", endpoint.TrackAsync);
        app.MapFallback(() => Results.NotFound());
        endpoint._app = app;
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        endpoint.Address = new Uri(address.EndsWith('/') ? address : address + "/");
        return endpoint;
    }

    private async Task<IResult> TrackAsync(HttpRequest request)
    {
        var gzip = request.Headers.ContentEncoding.Any(e => string.Equals(e, "gzip", StringComparison.OrdinalIgnoreCase));
        await using var body = gzip ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        using var reader = new StreamReader(body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        int count;
        lock (_bodies)
        {
            _bodies.Add(text);
            count = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        }

        return Results.Json(new { itemsReceived = count, itemsAccepted = count, errors = Array.Empty<object>() });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
