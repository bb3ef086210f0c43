using Alignment.Core.Accounts;
using Alignment.Core.Evaluation;
using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using Alignment.TestKit.Scoring;

namespace Alignment.EndToEnd.Tests.Support;

/// <summary>
/// What the rules of docs/scoring-model.md and docs/handoff-sla.md imply for a snapshot account, computed with <c>Alignment.Core</c> alone (the evaluator, the
/// default handoff rules and the SLA clock), never from what a job wrote.
/// </summary>
internal static class Expected
{
    public static readonly AccountEvaluator Evaluator = new(DefaultScoringModel.Value);
    public static readonly SlaClock Sla = new(SlaPolicy.Default);

    /// <summary>The CRM fields after a scoring run at <paramref name="asOf"/> over <paramref name="seed"/> (first scoring of the account).</summary>
    public static AlignmentState AfterScoring(Account seed, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var evaluation = Evaluator.Evaluate(seed, asOf);
        var state = seed.Current with
        {
            Score = evaluation.Score,
            Fit = evaluation.Fit,
            Intent = evaluation.Intent,
            Engagement = evaluation.Engagement,
            Tier = evaluation.Tier,
            Reasons = string.Join("; ", evaluation.Reasons),
            ModelVersion = evaluation.ModelVersion,
            ScoredAt = asOf,
            HandoffTier = null,
        };
        var handoff = HandoffRules.Default.Decide(seed, evaluation.Tier, evaluation.Fit, evaluation.Intent, Sla, asOf);
        return handoff is null
            ? state
            : state with
            {
                HandoffStatus = HandoffStatus.Pending,
                HandoffRule = handoff.Rule,
                HandoffAt = handoff.At,
                SlaDue = handoff.SlaDue,
                SlaStatus = SlaStatus.OnTrack,
                FirstResponseAt = null,
            };
    }

    public static AccountEvaluation Evaluate(Account seed, DateTimeOffset asOf) => Evaluator.Evaluate(seed, asOf);

    /// <summary>The SLA of an open handoff in <paramref name="state"/> at <paramref name="asOf"/>, given the account's signals.</summary>
    public static SlaAssessment Assess(Account seed, AlignmentState state, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(state);
        var handoff = new OpenHandoff(state.HandoffAt!.Value, null, state.SlaDue);
        return Sla.Assess(handoff, seed.Signals, seed.Owner?.TimeZone, asOf);
    }

    /// <summary>The alert ledger / Slack metadata key of an alert (<c>sla|account|handoff|level</c>).</summary>
    public static string AlertKey(string accountId, DateTimeOffset handoffAt, SlaAlertLevel level) =>
        new SlaAlertKey(accountId, handoffAt, level).ToString();
}
