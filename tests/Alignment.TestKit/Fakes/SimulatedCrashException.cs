namespace Alignment.TestKit.Fakes;

/// <summary>Thrown by a fake to stand for the process dying at that point. Jobs must not swallow it.</summary>
public sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("Simulated crash.")
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
