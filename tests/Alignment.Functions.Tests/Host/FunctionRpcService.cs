using Alignment.Functions.Tests.Host.Protocol;
using Grpc.Core;

namespace Alignment.Functions.Tests.Host;

/// <summary>
/// The host side of <c>FunctionRpc.EventStream</c>: takes the worker's <c>StartStream</c>, hands the stream to the
/// <see cref="FakeFunctionsHost"/> and keeps the call open while the worker's side of the stream lasts.
/// </summary>
internal sealed class FunctionRpcService(FakeFunctionsHost host) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(
        IAsyncStreamReader<StreamingMessage> requestStream,
        IServerStreamWriter<StreamingMessage> responseStream,
        ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(context);
        if (!await requestStream.MoveNext(context.CancellationToken))
        {
            return;
        }

        var first = requestStream.Current;
        if (first.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
        {
            host.Reject($"The worker's first message was {first.ContentCase}; the protocol starts with StartStream.");
            throw new Grpc.Core.RpcException(new Status(StatusCode.InvalidArgument, "The first message must be StartStream."));
        }

        var connection = new WorkerConnection(first.StartStream, responseStream);
        host.Accept(connection);
        await connection.PumpAsync(requestStream, context.CancellationToken);
    }
}
