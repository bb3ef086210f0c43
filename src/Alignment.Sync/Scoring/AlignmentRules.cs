using Alignment.Core.Evaluation;
using Alignment.Core.Handoffs;
using Alignment.Core.Model;
using Alignment.Core.Sla;

namespace Alignment.Sync.Scoring;

/// <summary>
/// The policy objects the jobs apply, built once from the validated model: the evaluator (scores, tier, reasons),
/// the handoff rules and the SLA clock. Immutable and thread-safe.
/// </summary>
public sealed class AlignmentRules
{
    public AlignmentRules(AccountEvaluator evaluator, HandoffRules handoffs, SlaClock sla)
    {
        Evaluator = evaluator ?? throw new ArgumentNullException(nameof(evaluator));
        Handoffs = handoffs ?? throw new ArgumentNullException(nameof(handoffs));
        Sla = sla ?? throw new ArgumentNullException(nameof(sla));
    }

    public AccountEvaluator Evaluator { get; }

    public HandoffRules Handoffs { get; }

    public SlaClock Sla { get; }

    public AlignmentModel Model => Evaluator.Model;

    /// <summary>Written with every score.</summary>
    public string ModelVersion => Evaluator.Model.Version;

    /// <summary>The longest signal window of the model, in days (engagement: 90 by default).</summary>
    public double LongestSignalWindowDays => Math.Max(Model.Intent.WindowDays, Model.Engagement.WindowDays);

    /// <summary>
    /// Rules from a validated model, with the model's handoff rules and SLA policy (its <c>handoff</c> and <c>sla</c>
    /// sections, else the defaults in docs/handoff-sla.md) unless given.
    /// </summary>
    public static AlignmentRules From(AlignmentModel model, HandoffRules? handoffs = null, SlaPolicy? sla = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new AlignmentRules(new AccountEvaluator(model), handoffs ?? model.Handoff, new SlaClock(sla ?? model.Sla));
    }
}
