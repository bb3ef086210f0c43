using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Model;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;

namespace Alignment.Core.Evaluation;

/// <summary>
/// The whole domain decision for an account at an instant, as <c>alignment evaluate</c> reports it: scores and tier
/// (<see cref="AccountEvaluator"/>), then — for an account whose handoff status is None — the first matching handoff
/// rule with its SLA deadline, and the SLA status of the handoff open after that. Pure and thread-safe.
/// </summary>
public sealed class AlignmentEvaluator
{
    public AlignmentEvaluator(AlignmentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Accounts = new AccountEvaluator(model);
        Handoffs = model.Handoff;
        Sla = new SlaClock(model.Sla);
    }

    public AccountEvaluator Accounts { get; }

    public HandoffRules Handoffs { get; }

    public SlaClock Sla { get; }

    /// <summary>
    /// Evaluates <paramref name="account"/> as of <paramref name="asOf"/>. A new handoff happens at asOf with the
    /// effective tier (after hysteresis and lock) as the tier at handoff, and its SLA is assessed at once (Met when a
    /// SalesTouch is dated exactly asOf, else OnTrack). Without a new handoff, an open one (status Pending or Accepted
    /// with a handoff instant) is assessed: its recorded due instant is kept (recomputed from the tier at handoff when
    /// missing or before the handoff), and a recorded first response answers like a SalesTouch.
    /// </summary>
    public AlignmentOutcome Evaluate(Account account, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(account);
        var evaluation = Accounts.Evaluate(account, asOf);
        var current = account.Current ?? AlignmentState.Empty;
        var zone = account.Owner?.TimeZone;

        var handoff = Handoffs.Decide(account, evaluation.Tier, evaluation.Fit, evaluation.Intent, Sla, asOf);
        if (handoff is not null)
        {
            var open = new OpenHandoff(handoff.At, TierOrNull(handoff.Tier), handoff.SlaDue);
            return new AlignmentOutcome(evaluation, handoff, Sla.Assess(open, account.Signals, zone, asOf));
        }

        if (current.HandoffStatus is HandoffStatus.Pending or HandoffStatus.Accepted && current.HandoffAt is { } handoffAt)
        {
            var due = current.SlaDue is { } d && d >= handoffAt ? d : (DateTimeOffset?)null;
            var open = new OpenHandoff(handoffAt, TierOrNull(current.HandoffTier), due);
            return new AlignmentOutcome(evaluation, null, Sla.Assess(open, account.Signals, zone, asOf, current.FirstResponseAt));
        }

        return new AlignmentOutcome(evaluation, null, null);
    }

    private static Tier? TierOrNull(Tier? tier) => tier is { } t && t != Tier.None ? t : null;
}
