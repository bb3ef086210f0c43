using Azure.Core;
using Azure.Core.Pipeline;

namespace Alignment.Storage.Tests.Tables;

/// <summary>Counts the requests a table client sends (a transaction is one request).</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
