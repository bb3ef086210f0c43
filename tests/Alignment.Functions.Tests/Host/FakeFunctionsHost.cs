using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alignment.Functions.Tests.Host;

/// <summary>
/// Stands in for the Azure Functions host's gRPC side: Kestrel on 127.0.0.1 and a free port, HTTP/2 without TLS (the
/// worker dials <c>http://</c>), serving the <c>FunctionRpc</c> service. The first worker to open the event stream is
/// handed out by <see cref="Connected"/>.
/// </summary>
internal sealed class FakeFunctionsHost : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource<WorkerConnection> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;

    private FakeFunctionsHost()
    {
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>, what the worker gets as <c>--functions-uri</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Completes with the worker's stream once it has sent <c>StartStream</c>.</summary>
    public Task<WorkerConnection> Connected => _connected.Task;

    public static async Task<FakeFunctionsHost> StartAsync(CancellationToken cancellationToken)
    {
        var host = new FakeFunctionsHost();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(host);
        var app = builder.Build();
        app.MapGrpcService<FunctionRpcService>();
        host._app = app;
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        host.Address = new Uri(address.EndsWith('/') ? address : address + "/");
        return host;
    }

    internal void Accept(WorkerConnection connection) => _connected.TrySetResult(connection);

    internal void Reject(string problem) => _connected.TrySetException(new InvalidOperationException(problem));

    public async ValueTask DisposeAsync()
    {
        if (_app is null)
        {
            return;
        }

        using var stop = new CancellationTokenSource(StopTimeout);
        try
        {
            await _app.StopAsync(stop.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
