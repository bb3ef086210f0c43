using Alignment.TestKit.Fakes;

namespace Alignment.EndToEnd.Tests.Support;

/// <summary>Kills the "process" once, at the <see cref="Trip"/> call numbered <paramref name="atCall"/> (1-based).</summary>
internal sealed class CrashSwitch(int atCall = 1)
{
    private int _calls;

    public bool Tripped { get; private set; }

    /// <summary>Throws <see cref="SimulatedCrashException"/> on the chosen call; passes on every other call.</summary>
    public void Trip(string where)
    {
        if (Interlocked.Increment(ref _calls) == atCall)
        {
            Tripped = true;
            throw new SimulatedCrashException("Simulated crash " + where + ".");
        }
    }
}
