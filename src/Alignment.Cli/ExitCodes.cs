namespace Alignment.Cli;

/// <summary>Exit codes of <c>alignment</c> (documented in the README, "CLI verbs and exit codes").</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The work failed (CRM, storage or Slack error; see the message).</summary>
    public const int Failure = 1;

    /// <summary>Bad command line, input file or configuration; nothing was changed.</summary>
    public const int BadInput = 2;

    /// <summary>Stopped at the CRM's API budget; rerun later (the checkpoint keeps the progress).</summary>
    public const int BudgetExhausted = 3;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT).</summary>
    public const int Cancelled = 130;
}
