namespace Alignment.Sync.Runs;

/// <summary>How a run ended (<see cref="State.RunRecord.Outcome"/>; stored and printed by name).</summary>
public enum RunOutcome
{
    Succeeded,
    Failed,

    /// <summary>The CRM's API budget ran out; the next run resumes from the checkpoint.</summary>
    StoppedAtBudget,

    Cancelled,
}
