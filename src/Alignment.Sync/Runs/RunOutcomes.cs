namespace Alignment.Sync.Runs;

/// <summary>The outcomes written to <see cref="State.RunRecord.Outcome"/>.</summary>
public static class RunOutcomes
{
    public const string Succeeded = "Succeeded";

    public const string Failed = "Failed";
    public const string StoppedAtBudget = "StoppedAtBudget";
    public const string Cancelled = "Cancelled";
}
