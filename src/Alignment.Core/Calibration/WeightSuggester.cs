using System.Globalization;
using Alignment.Core.Model;

namespace Alignment.Core.Calibration;

/// <summary>
/// Suggests weights from outcomes: a logistic regression of won on fit/100, intent/100 and engagement/100 at creation.
/// Negative coefficients are clamped to 0 (a dimension never counts against an account); the rest are normalised to
/// whole percent summing to 100 (largest remainder). Its predictive power is the AUC of k-fold cross-validated
/// predictions (folds drawn with the seed). Needs at least 2 won and 2 lost opportunities; else the current weights
/// are kept and said so.
/// </summary>
public static class WeightSuggester
{
    public static SuggestedWeights Suggest(IReadOnlyList<ScoredOpportunity> opportunities, ScoreWeights current, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        ArgumentNullException.ThrowIfNull(current);
        var features = opportunities.Select(Features).ToArray();
        var won = opportunities.Select(o => o.Won).ToArray();
        var wins = won.Count(w => w);
        var losses = won.Length - wins;
        if (wins < 2 || losses < 2)
        {
            var (f, i, e) = Percent([current.Fit, current.Intent, current.Engagement]);
            return new SuggestedWeights(f, i, e, [0, 0, 0], null, Fitted: false,
                string.Create(CultureInfo.InvariantCulture, $"{wins} won and {losses} lost opportunities: at least 2 of each are needed; current weights kept."));
        }

        var beta = LogisticRegression.Fit(features, won);
        double[] coefficients = [beta[1], beta[2], beta[3]];
        double[] clamped = [Math.Max(0, beta[1]), Math.Max(0, beta[2]), Math.Max(0, beta[3])];
        var cvAuc = CrossValidate(features, won, Math.Clamp(folds, 2, Math.Min(10, won.Length)), seed);
        if (clamped.Sum() <= 0)
        {
            var (f, i, e) = Percent([current.Fit, current.Intent, current.Engagement]);
            return new SuggestedWeights(f, i, e, coefficients, cvAuc, Fitted: false, "no dimension raises the odds of winning; current weights kept.");
        }

        var (fit, intent, engagement) = Percent(clamped);
        return new SuggestedWeights(fit, intent, engagement, coefficients, cvAuc, Fitted: true, "logistic regression on fit, intent and engagement at creation.");
    }

    /// <summary>Whole percentages proportional to <paramref name="values"/>, summing to 100 (largest remainder, ties to the earlier).</summary>
    public static (int Fit, int Intent, int Engagement) Percent(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sum = values.Sum();
        var exact = values.Select(v => sum <= 0 ? 100.0 / values.Length : v / sum * 100).ToArray();
        var whole = exact.Select(v => (int)Math.Floor(v)).ToArray();
        var left = 100 - whole.Sum();
        foreach (var index in Enumerable.Range(0, values.Length).OrderByDescending(i => exact[i] - whole[i]).ThenBy(i => i).Take(left))
        {
            whole[index]++;
        }

        return (whole[0], whole[1], whole[2]);
    }

    private static double[] Features(ScoredOpportunity o) => [o.Score.Fit / 100.0, o.Score.Intent / 100.0, o.Score.Engagement / 100.0];

    private static double? CrossValidate(double[][] features, bool[] won, int folds, int seed)
    {
        var order = Enumerable.Range(0, won.Length).ToArray();
        new Random(seed).Shuffle(order);
        var predictions = new double[won.Length];
        for (var fold = 0; fold < folds; fold++)
        {
            var trainX = new List<double[]>();
            var trainY = new List<bool>();
            for (var r = 0; r < order.Length; r++)
            {
                if (r % folds != fold)
                {
                    trainX.Add(features[order[r]]);
                    trainY.Add(won[order[r]]);
                }
            }

            var beta = LogisticRegression.Fit(trainX, trainY);
            for (var r = fold; r < order.Length; r += folds)
            {
                predictions[order[r]] = LogisticRegression.Predict(beta, features[order[r]]);
            }
        }

        return RocAuc.Compute(predictions, won);
    }
}
