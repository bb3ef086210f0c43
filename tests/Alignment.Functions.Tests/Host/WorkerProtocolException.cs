namespace Alignment.Functions.Tests.Host;

/// <summary>The worker did not do what the protocol expects; the message carries its output and logs.</summary>
internal sealed class WorkerProtocolException : Exception
{
    public WorkerProtocolException()
    {
    }

    public WorkerProtocolException(string message)
        : base(message)
    {
    }

    public WorkerProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
