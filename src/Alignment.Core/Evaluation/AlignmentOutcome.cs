using Alignment.Core.Handoffs;
using Alignment.Core.Sla;

namespace Alignment.Core.Evaluation;

/// <summary>
/// Everything the connector concludes about one account at one instant: scores, tier and reasons
/// (<see cref="Evaluation"/>), a new handoff decided now (<see cref="Handoff"/>) and the SLA of the handoff that is
/// open after this evaluation (<see cref="Sla"/>).
/// </summary>
/// <param name="Evaluation">Scores, tier (hysteresis and lock applied), suggested tier and reasons.</param>
/// <param name="Handoff">The handoff decided at this evaluation; null when none (no rule matched, or the account's handoff status is not None).</param>
/// <param name="Sla">
/// The SLA of the new handoff, or of the account's open handoff (status Pending or Accepted with a handoff instant);
/// null when there is none.
/// </param>
public sealed record AlignmentOutcome(AccountEvaluation Evaluation, HandoffDecision? Handoff, SlaAssessment? Sla);
