namespace Alignment.Core.Scoring;

/// <summary>
/// The scores of one account at one instant. Components are unrounded, each in [0, its cap]; <see cref="Score"/> is
/// round(weighted sum of the unrounded components), in [0, 100].
/// </summary>
public readonly record struct ScoreBreakdown(double Fit, double Intent, double Engagement, double Composite)
{
    /// <summary>The composite score as reported: round(<see cref="Composite"/>).</summary>
    public int Score => ScoreRounding.Round(Composite);

    /// <summary>round(<see cref="Fit"/>).</summary>
    public int FitScore => ScoreRounding.Round(Fit);

    /// <summary>round(<see cref="Intent"/>).</summary>
    public int IntentScore => ScoreRounding.Round(Intent);

    /// <summary>round(<see cref="Engagement"/>).</summary>
    public int EngagementScore => ScoreRounding.Round(Engagement);
}
