using Alignment.Sync.Runs;
using Alignment.Sync.Scoring;
using Alignment.Sync.Sla;

namespace Alignment.Hosting.Runs;

/// <summary>How a host treats a job's outcome: <c>Failed</c> throws (so retries and failure telemetry happen); a run
/// stopped at the API budget or cancelled does not.</summary>
public static class RunResultExtensions
{
    public static ScoringRunResult ThrowIfFailed(this ScoringRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome == RunOutcomes.Failed ? throw new RunFailedException(result.Kind, result.RunId, result.Error) : result;
    }

    public static SlaSweepResult ThrowIfFailed(this SlaSweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome == RunOutcomes.Failed ? throw new RunFailedException(SlaSweepJob.Kind, result.RunId, result.Error) : result;
    }
}
