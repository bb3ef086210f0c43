using System.Globalization;
using System.Text;
using Alignment.Functions.Tests.Host.Protocol;
using Grpc.Core;

namespace Alignment.Functions.Tests.Host;

/// <summary>
/// One worker's event stream as the host sees it: sends are serialized (a gRPC stream takes one write at a time),
/// received messages wait in arrival order until a test takes the one it expects; <c>RpcLog</c> messages are kept
/// apart for failure messages.
/// </summary>
internal sealed class WorkerConnection
{
    private const int KeptLogs = 200;

    private readonly IServerStreamWriter<StreamingMessage> _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _gate = new();
    private readonly List<StreamingMessage> _pending = [];
    private readonly Queue<RpcLog> _logs = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _arrival = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WorkerConnection(StartStream start, IServerStreamWriter<StreamingMessage> writer)
    {
        Start = start;
        this._writer = writer;
    }

    /// <summary>The worker's first message.</summary>
    public StartStream Start { get; }

    /// <summary>Completes when the worker's side of the stream has ended.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Reads the worker's messages until its side of the stream ends (the service call stays open until then).</summary>
    public async Task PumpAsync(IAsyncStreamReader<StreamingMessage> reader, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.MoveNext(cancellationToken))
            {
                Accept(reader.Current);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or Grpc.Core.RpcException)
        {
            // The worker went away (killed, or the host is stopping); Closed tells the waiting test.
        }
        finally
        {
            _closed.TrySetResult();
            Pulse();
        }
    }

    public async Task SendAsync(StreamingMessage message, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await _writer.WriteAsync(message, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The first received message that <paramref name="match"/> accepts; null when none came within <paramref name="timeout"/> or the stream closed.</summary>
    public async Task<StreamingMessage?> ReceiveAsync(Func<StreamingMessage, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            Task next;
            lock (_gate)
            {
                var index = _pending.FindIndex(m => match(m));
                if (index >= 0)
                {
                    var message = _pending[index];
                    _pending.RemoveAt(index);
                    return message;
                }

                if (_closed.Task.IsCompleted)
                {
                    return null;
                }

                next = _arrival.Task;
            }

            var remaining = timeout - TimeProvider.System.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            await Task.WhenAny(next, Task.Delay(remaining, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The worker's logs, oldest first.</summary>
    public IReadOnlyList<RpcLog> Logs()
    {
        lock (_gate)
        {
            return [.. _logs];
        }
    }

    /// <summary>The last logs and the messages no test took, for failure messages.</summary>
    public string Describe(int lastLogs = 40)
    {
        var text = new StringBuilder("Worker RpcLog messages (last ").Append(lastLogs.ToString(CultureInfo.InvariantCulture)).Append("):");
        lock (_gate)
        {
            foreach (var log in _logs.Skip(Math.Max(0, _logs.Count - lastLogs)))
            {
                text.AppendLine().Append("  [").Append(log.Level).Append("] ").Append(log.Category).Append(": ").Append(log.Message);
                if (log.Exception is { } exception)
                {
                    text.Append(" | ").Append(exception.Type).Append(": ").Append(exception.Message);
                }
            }

            text.AppendLine().Append("Unclaimed messages from the worker: ")
                .Append(_pending.Count == 0 ? "none" : string.Join(", ", _pending.Select(m => m.ContentCase)));
        }

        return text.ToString();
    }

    private void Accept(StreamingMessage message)
    {
        lock (_gate)
        {
            if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
            {
                _logs.Enqueue(message.RpcLog);
                while (_logs.Count > KeptLogs)
                {
                    _logs.Dequeue();
                }
            }
            else
            {
                _pending.Add(message);
            }
        }

        Pulse();
    }

    private void Pulse()
    {
        TaskCompletionSource signalled;
        lock (_gate)
        {
            signalled = _arrival;
            _arrival = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signalled.TrySetResult();
    }
}
