namespace Alignment.Sync.Alerts;

/// <summary>An alert was not delivered, or may not have been.</summary>
public sealed class AlertDeliveryException : Exception
{
    public AlertDeliveryException()
    {
    }

    public AlertDeliveryException(string message)
        : base(message)
    {
    }

    public AlertDeliveryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public AlertDeliveryException(string message, bool transient, bool mayHaveBeenDelivered, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Transient = transient;
        MayHaveBeenDelivered = mayHaveBeenDelivered;
        RetryAfter = retryAfter;
    }

    /// <summary>True when a later attempt can succeed (429, 5xx, network).</summary>
    public bool Transient { get; }

    /// <summary>True when the request may have reached the channel (timeout after sending); never resend blindly.</summary>
    public bool MayHaveBeenDelivered { get; }

    /// <summary>How long the channel asked us to wait (Slack <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; }
}
