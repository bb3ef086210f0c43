namespace Alignment.Core.Calibration;

/// <summary>
/// Suggested weights in whole percent (each 0..100, summing to 100); the model file gets each / 100. Null
/// <see cref="CrossValidatedAuc"/> when it could not be computed (too few won or lost opportunities).
/// </summary>
/// <param name="Fit">Fit weight, whole percent.</param>
/// <param name="Intent">Intent weight, whole percent.</param>
/// <param name="Engagement">Engagement weight, whole percent.</param>
/// <param name="Note">How the weights were obtained, for the report.</param>
/// <param name="Coefficients">The logistic coefficients of fit, intent and engagement (per 100 points), before clamping at 0.</param>
/// <param name="CrossValidatedAuc">AUC of the regression's predictions on held-out folds.</param>
/// <param name="Fitted">False when nothing could be fitted and the current weights are kept (see <see cref="Note"/>).</param>
public sealed record SuggestedWeights(int Fit, int Intent, int Engagement, double[] Coefficients, double? CrossValidatedAuc, bool Fitted, string Note);
