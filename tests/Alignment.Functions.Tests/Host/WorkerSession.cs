using System.Globalization;
using Alignment.Functions.Tests.Host.Protocol;
using Google.Protobuf.WellKnownTypes;
using MessageCase = Alignment.Functions.Tests.Host.Protocol.StreamingMessage.ContentOneofCase;

namespace Alignment.Functions.Tests.Host;

/// <summary>
/// The built worker process driven by the <see cref="FakeFunctionsHost"/> over the host-to-worker protocol: start, then
/// <c>WorkerInitRequest</c>, <c>FunctionsMetadataRequest</c>, one <c>FunctionLoadRequest</c> per function, then
/// invocations; <c>WorkerTerminate</c> at the end. Every wait is bounded and fails with the worker's stdout/stderr and
/// logs. Disposing never leaves the process behind.
/// </summary>
internal sealed class WorkerSession : IAsyncDisposable
{
    /// <summary>Process start to <c>StartStream</c> (a cold .NET start on a busy machine).</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Init, metadata, load and status requests.</summary>
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>One invocation (a scoring run against the emulators and Azurite).</summary>
    public static readonly TimeSpan InvocationTimeout = TimeSpan.FromSeconds(120);

    /// <summary>After <c>WorkerTerminate</c>, until the process has exited.</summary>
    public static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The capabilities a current host announces in <c>WorkerInitRequest</c>.</summary>
    private static readonly Dictionary<string, string> HostCapabilities = new(StringComparer.Ordinal)
    {
        ["RpcHttpBodyOnly"] = "true",
        ["RawHttpBodyBytes"] = "true",
        ["RpcHttpTriggerMetadataRemoved"] = "true",
        ["TypedDataCollection"] = "true",
        ["UseNullableValueDictionaryForHttp"] = "true",
        ["WorkerStatus"] = "true",
    };

    private readonly Dictionary<string, RpcFunctionMetadata> _loaded = new(StringComparer.Ordinal);
    private readonly FakeFunctionsHost _host;
    private readonly WorkerProcess _process;
    private WorkerConnection? _connection;

    private WorkerSession(FunctionsWorkerOutput output, FakeFunctionsHost host, WorkerProcess process, string workerId)
    {
        Output = output;
        this._host = host;
        this._process = process;
        WorkerId = workerId;
    }

    public FunctionsWorkerOutput Output { get; }

    /// <summary>The id given to the worker on its command line; it must come back in <c>StartStream</c>.</summary>
    public string WorkerId { get; }

    public StartStream StartStream => Connection.Start;

    private WorkerConnection Connection => _connection ?? throw new InvalidOperationException("The worker has not connected.");

    /// <summary>
    /// Starts the host's gRPC service and the built worker with <paramref name="appSettings"/> (<c>Alignment:Crm</c>
    /// style keys, passed as <c>Alignment__Crm</c> environment variables) and waits for its <c>StartStream</c>.
    /// </summary>
    public static async Task<WorkerSession> StartAsync(IReadOnlyDictionary<string, string?> appSettings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appSettings);
        var output = FunctionsWorkerOutput.Locate();
        var host = await FakeFunctionsHost.StartAsync(cancellationToken);
        WorkerProcess? process = null;
        try
        {
            var workerId = Guid.NewGuid().ToString();
            process = WorkerProcess.Start(
                output,
                [
                    "--functions-uri", host.Address.AbsoluteUri,
                    "--functions-worker-id", workerId,
                    "--functions-request-id", Guid.NewGuid().ToString(),
                    "--functions-grpc-max-message-length", int.MaxValue.ToString(CultureInfo.InvariantCulture),
                ],
                Environment(appSettings, output));
            var session = new WorkerSession(output, host, process, workerId);
            await session.ConnectAsync(cancellationToken);
            return session;
        }
        catch
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }

            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Init, metadata and a load of every function the worker reports; fails on any non-success.</summary>
    public async Task<IReadOnlyList<RpcFunctionMetadata>> StartFunctionsAsync(CancellationToken cancellationToken)
    {
        var init = await InitAsync(cancellationToken);
        Require(init.Result, "WorkerInitResponse");
        var metadata = await GetMetadataAsync(cancellationToken);
        Require(metadata.Result, "FunctionMetadataResponse");
        foreach (var function in metadata.FunctionMetadataResults)
        {
            Require((await LoadAsync(function, cancellationToken)).Result, "FunctionLoadResponse for " + function.Name);
        }

        return metadata.FunctionMetadataResults;
    }

    public async Task<WorkerInitResponse> InitAsync(CancellationToken cancellationToken)
    {
        var request = new WorkerInitRequest
        {
            HostVersion = "4.0.0-alignment-test-host",
            WorkerDirectory = Output.Directory,
            FunctionAppDirectory = Output.Directory,
        };
        request.Capabilities.Add(HostCapabilities);
        var reply = await RequestAsync(new StreamingMessage { WorkerInitRequest = request }, MessageCase.WorkerInitResponse, ReplyTimeout, cancellationToken);
        return reply.WorkerInitResponse;
    }

    public async Task<FunctionMetadataResponse> GetMetadataAsync(CancellationToken cancellationToken)
    {
        var request = new FunctionsMetadataRequest { FunctionAppDirectory = Output.Directory };
        var reply = await RequestAsync(new StreamingMessage { FunctionsMetadataRequest = request }, MessageCase.FunctionMetadataResponse, ReplyTimeout, cancellationToken);
        return reply.FunctionMetadataResponse;
    }

    /// <summary>Loads one function as the host does with the worker's own metadata (its id, bindings and entry point) and the app's folder.</summary>
    public async Task<FunctionLoadResponse> LoadAsync(RpcFunctionMetadata function, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        var metadata = function.Clone();
        metadata.Directory = Output.Directory;
        var request = new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = metadata };
        var reply = await RequestAsync(new StreamingMessage { FunctionLoadRequest = request }, MessageCase.FunctionLoadResponse, ReplyTimeout, cancellationToken);
        if (reply.FunctionLoadResponse.FunctionId != function.FunctionId)
        {
            throw Failure($"FunctionLoadResponse names function id {reply.FunctionLoadResponse.FunctionId}, the request {function.FunctionId}.");
        }

        if (reply.FunctionLoadResponse.Result?.Status == StatusResult.Types.Status.Success)
        {
            _loaded[function.Name] = function;
        }

        return reply.FunctionLoadResponse;
    }

    /// <summary>The health probe a host sends; the worker advertises <c>WorkerStatus</c>.</summary>
    public async Task<WorkerStatusResponse> GetStatusAsync(CancellationToken cancellationToken)
    {
        var reply = await RequestAsync(new StreamingMessage { WorkerStatusRequest = new WorkerStatusRequest() }, MessageCase.WorkerStatusResponse, ReplyTimeout, cancellationToken);
        return reply.WorkerStatusResponse;
    }

    /// <summary>Invokes a loaded function with its trigger input; the response as the worker sent it (check its result).</summary>
    public async Task<InvocationResponse> InvokeAsync(string functionName, ParameterBinding trigger, CancellationToken cancellationToken, RetryContext? retry = null)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (!_loaded.TryGetValue(functionName, out var function))
        {
            throw new InvalidOperationException($"Function {functionName} is not loaded (loaded: {string.Join(", ", _loaded.Keys)}).");
        }

        var request = new InvocationRequest
        {
            InvocationId = Guid.NewGuid().ToString(),
            FunctionId = function.FunctionId,
            TraceContext = new RpcTraceContext { TraceParent = $"00-{Guid.NewGuid():N}-{Guid.NewGuid().ToString("N")[..16]}-01" },
            RetryContext = retry,
        };
        request.InputData.Add(trigger);
        var reply = await RequestAsync(new StreamingMessage { InvocationRequest = request }, MessageCase.InvocationResponse, InvocationTimeout, cancellationToken);
        if (reply.InvocationResponse.InvocationId != request.InvocationId)
        {
            throw Failure($"InvocationResponse names invocation {reply.InvocationResponse.InvocationId}, the request {request.InvocationId}.");
        }

        return reply.InvocationResponse;
    }

    /// <summary>Invokes and requires success; fails with the worker's exception, output and logs otherwise.</summary>
    public async Task<InvocationResponse> InvokeSuccessfullyAsync(string functionName, ParameterBinding trigger, CancellationToken cancellationToken, RetryContext? retry = null)
    {
        var response = await InvokeAsync(functionName, trigger, cancellationToken, retry);
        Require(response.Result, "InvocationResponse of " + functionName);
        return response;
    }

    /// <summary>Sends <c>WorkerTerminate</c> and waits for the process to exit; its exit code.</summary>
    public async Task<int> TerminateAsync(CancellationToken cancellationToken)
    {
        await Connection.SendAsync(
            new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(TimeSpan.FromSeconds(5)) } },
            cancellationToken);
        return await _process.WaitForExitAsync(ExitTimeout)
            ?? throw Failure($"The worker did not exit within {ExitTimeout.TotalSeconds} s of WorkerTerminate.");
    }

    /// <summary>The worker process, its output and its logs, for failure messages.</summary>
    public string Describe() => _process.Describe() + System.Environment.NewLine + (_connection?.Describe() ?? "The worker never opened the event stream.");

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_connection is not null && !_process.HasExited && !_connection.Closed.IsCompleted)
            {
                using var shortly = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _connection.SendAsync(new StreamingMessage { WorkerTerminate = new WorkerTerminate() }, shortly.Token);
                await _process.WaitForExitAsync(ExitTimeout);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException or Grpc.Core.RpcException)
        {
            // The stream is gone; the process is killed below.
        }
        finally
        {
            await _process.DisposeAsync();
            await _host.DisposeAsync();
        }
    }

    /// <summary>The app settings as environment variables (<c>:</c> → <c>__</c>), plus what the host itself sets for a worker.</summary>
    private static Dictionary<string, string> Environment(IReadOnlyDictionary<string, string?> appSettings, FunctionsWorkerOutput output)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["FUNCTIONS_WORKER_DIRECTORY"] = output.Directory,
            ["FUNCTIONS_APPLICATION_DIRECTORY"] = output.Directory,
        };
        foreach (var (key, value) in appSettings)
        {
            if (value is not null)
            {
                environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        return environment;
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        var exited = _process.ExitedAsync(timeout.Token);
        var first = await Task.WhenAny(_host.Connected, exited);
        if (first == _host.Connected)
        {
            _connection = await _host.Connected;
            if (_connection.Start.WorkerId != WorkerId)
            {
                throw Failure($"StartStream carried worker id '{_connection.Start.WorkerId}', the command line '{WorkerId}'.");
            }

            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw Failure(_process.HasExited
            ? "The worker exited before it opened the event stream."
            : $"The worker did not open the event stream within {ConnectTimeout.TotalSeconds} s.");
    }

    private async Task<StreamingMessage> RequestAsync(StreamingMessage request, MessageCase expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        request.RequestId = Guid.NewGuid().ToString();
        await Connection.SendAsync(request, cancellationToken);
        var reply = await Connection.ReceiveAsync(m => m.ContentCase == expected && m.RequestId == request.RequestId, timeout, cancellationToken);
        return reply ?? throw Failure(Connection.Closed.IsCompleted
            ? $"The worker closed the event stream instead of answering {request.ContentCase} with {expected}."
            : $"The worker did not answer {request.ContentCase} with {expected} within {timeout.TotalSeconds} s.");
    }

    private void Require(StatusResult? result, string what)
    {
        if (result?.Status != StatusResult.Types.Status.Success)
        {
            var exception = result?.Exception is { } e ? $"{e.Type}: {e.Message}{System.Environment.NewLine}{e.StackTrace}" : "(no exception)";
            throw Failure($"{what} reported {result?.Status.ToString() ?? "no result"}: {result?.Result} {exception}");
        }
    }

    private WorkerProtocolException Failure(string problem) => new(problem + System.Environment.NewLine + Describe());
}
