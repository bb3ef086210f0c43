namespace Alignment.Core.Calibration;

/// <summary>
/// One tenth of the closed opportunities by composite score at creation, decile 1 the highest. <see cref="Lift"/> is
/// the decile's win rate over the overall win rate (1 = no better than average).
/// </summary>
public sealed record LiftDecile(int Decile, int Opportunities, int Won, double WinRate, double Lift, int MinScore, int MaxScore);
