using Alignment.Sync.Calibration;
using Alignment.Sync.Runs;
using Alignment.Sync.Scoring;
using Alignment.Sync.Sla;

namespace Alignment.Hosting.Runs;

/// <summary>
/// Turns a job's <c>Failed</c> outcome into a <see cref="RunFailedException"/> for timer hosts, whose retry policy and
/// failure telemetry only see exceptions. Other outcomes (stopped at the API budget, cancelled) are not failures.
/// </summary>
public static class RunResultExtensions
{
    public static ScoringRunResult ThrowIfFailed(this ScoringRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome == RunOutcome.Failed ? throw new RunFailedException(result.Kind, result.RunId, result.Error) : result;
    }

    public static CalibrationRunResult ThrowIfFailed(this CalibrationRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome == RunOutcome.Failed ? throw new RunFailedException(CalibrationRunJob.Kind, result.RunId, result.Error) : result;
    }

    public static SlaSweepResult ThrowIfFailed(this SlaSweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome == RunOutcome.Failed ? throw new RunFailedException(SlaSweepJob.Kind, result.RunId, result.Error) : result;
    }
}
