namespace Alignment.Core.Scoring;

/// <summary>
/// The model's <c>round(x)</c>: nearest integer, halves away from zero, honouring the exact decimal value despite binary
/// floating point (the value is first rounded to 9 decimals, so 16.4999999999998 — an exact 16.5 — becomes 17).
/// </summary>
public static class ScoreRounding
{
    /// <summary>Decimals kept before rounding to an integer; differences below 1e-9 are floating-point noise.</summary>
    public const int NoiseDecimals = 9;

    public static int Round(double value) =>
        (int)Math.Round(Math.Round(value, NoiseDecimals), MidpointRounding.AwayFromZero);
}
