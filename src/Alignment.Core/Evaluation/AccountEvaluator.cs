using Alignment.Core.Accounts;
using Alignment.Core.Model;
using Alignment.Core.Reasons;
using Alignment.Core.Scoring;
using Alignment.Core.Tiers;

namespace Alignment.Core.Evaluation;

/// <summary>
/// Evaluates accounts against one validated model: scores, tier (hysteresis, dwell and lock) and reasons. Pure and
/// thread-safe; "now" is the <c>asOf</c> parameter.
/// </summary>
public sealed class AccountEvaluator
{
    private readonly AlignmentModel _model;
    private readonly AccountScorer _scorer;
    private readonly TierPolicy _tiers;
    private readonly ReasonFormatter _reasons;

    public AccountEvaluator(AlignmentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        this._model = model;
        _scorer = new AccountScorer(model);
        _tiers = new TierPolicy(model.Tiers);
        _reasons = new ReasonFormatter(_scorer, model);
    }

    public AlignmentModel Model => _model;

    public AccountScorer Scorer => _scorer;

    public TierPolicy Tiers => _tiers;

    /// <summary>Evaluates <paramref name="account"/> as of <paramref name="asOf"/> with no upgrade pending.</summary>
    public AccountEvaluation Evaluate(Account account, DateTimeOffset asOf) => Evaluate(account, asOf, pending: null);

    /// <summary>
    /// Evaluates <paramref name="account"/> as of <paramref name="asOf"/>; <paramref name="pending"/> is the
    /// <see cref="AccountEvaluation.PendingUpgrade"/> of the previous evaluation (only matters with an upgrade dwell).
    /// </summary>
    public AccountEvaluation Evaluate(Account account, DateTimeOffset asOf, TierCandidate? pending)
    {
        ArgumentNullException.ThrowIfNull(account);
        var score = _scorer.Score(account, asOf);
        var current = account.Current ?? AlignmentState.Empty;
        var decision = _tiers.Decide(score.Score, current.Tier, current.TierLocked, asOf, pending);
        return new AccountEvaluation
        {
            AccountId = account.Id,
            Fit = score.FitScore,
            Intent = score.IntentScore,
            Engagement = score.EngagementScore,
            Score = score.Score,
            Tier = decision.Tier,
            SuggestedTier = decision.Suggested,
            PendingUpgrade = decision.Pending,
            Reasons = _reasons.Explain(account, asOf),
            ModelVersion = _model.Version,
            AsOf = asOf.ToUniversalTime(),
        };
    }
}
