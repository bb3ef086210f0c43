using Alignment.Sync.Runs;

namespace Alignment.Cli.Output;

/// <summary>The exit code of a run by its ledger outcome.</summary>
internal static class RunExitCodes
{
    public static int For(string outcome) =>
        outcome switch
        {
            RunOutcomes.Succeeded => ExitCodes.Ok,
            RunOutcomes.StoppedAtBudget => ExitCodes.BudgetExhausted,
            RunOutcomes.Cancelled => ExitCodes.Cancelled,
            _ => ExitCodes.Failure,
        };
}
