namespace Alignment.Sync.Crm;

/// <summary>
/// The run must stop: the configured share of the CRM's daily API budget is used, or the CRM said the daily limit
/// is reached. Jobs catch this, finish cleanly (checkpoint only for what was written) and record it in the run ledger.
/// </summary>
public sealed class CrmBudgetExhaustedException : CrmException
{
    public CrmBudgetExhaustedException()
    {
    }

    public CrmBudgetExhaustedException(string message)
        : base(message)
    {
    }

    public CrmBudgetExhaustedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public CrmBudgetExhaustedException(string crm, string message, ApiUsage usage)
        : base(crm, message, statusCode: null, errorCode: "BUDGET_EXHAUSTED")
    {
        Usage = usage;
    }

    public ApiUsage? Usage { get; }

    public override bool IsTransient => false;
}
