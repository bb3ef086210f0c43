using Alignment.Sync.Runs;

namespace Alignment.Cli.Output;

/// <summary>The exit code of a run by its ledger outcome.</summary>
internal static class RunExitCodes
{
    public static int For(RunOutcome outcome) =>
        outcome switch
        {
            RunOutcome.Succeeded => ExitCodes.Ok,
            RunOutcome.StoppedAtBudget => ExitCodes.BudgetExhausted,
            RunOutcome.Cancelled => ExitCodes.Cancelled,
            _ => ExitCodes.Failure,
        };
}
