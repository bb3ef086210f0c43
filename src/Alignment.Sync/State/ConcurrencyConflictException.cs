namespace Alignment.Sync.State;

/// <summary>An optimistic-concurrency update lost the race (the ETag no longer matches) or a create found the key taken.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
