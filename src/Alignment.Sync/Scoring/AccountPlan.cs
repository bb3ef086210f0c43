using Alignment.Core.Accounts;
using Alignment.Core.Evaluation;
using Alignment.Core.Handoffs;
using Alignment.Sync.Crm;
using Alignment.Sync.State;

namespace Alignment.Sync.Scoring;

/// <summary>What the connector wants for one account after evaluating it.</summary>
/// <param name="Source">The account as read.</param>
/// <param name="Evaluation">Scores, tier and reasons.</param>
/// <param name="Handoff">A new handoff decided now; null when none.</param>
/// <param name="Wanted">The field values the connector wants.</param>
/// <param name="Write">The changed fields to write; null when the CRM already holds <paramref name="Wanted"/>.</param>
/// <param name="TierRecord">The tier history entry to append once written (a tier change or a pending upgrade); null when none.</param>
public sealed record AccountPlan(
    CrmAccount Source,
    AccountEvaluation Evaluation,
    HandoffDecision? Handoff,
    AlignmentState Wanted,
    AccountWrite? Write,
    TierRecord? TierRecord)
{
    public string AccountId => Source.Account.Id;
}
