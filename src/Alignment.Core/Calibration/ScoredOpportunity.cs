namespace Alignment.Core.Calibration;

/// <summary>A closed opportunity with its account as scored at the opportunity's creation (no later signal counted).</summary>
public sealed record ScoredOpportunity(Opportunity Opportunity, Accounts.Account Account, PointInTimeScore Score)
{
    /// <summary>Whether it closed won.</summary>
    public bool Won => Opportunity.Won == true;
}
