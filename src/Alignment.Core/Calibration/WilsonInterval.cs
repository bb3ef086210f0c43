namespace Alignment.Core.Calibration;

/// <summary>The Wilson score interval of a binomial proportion (k successes in n trials) for a normal quantile z.</summary>
public readonly record struct WilsonInterval(double Low, double High)
{
    public static WilsonInterval Of(int successes, int trials, double z)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        var n = (double)trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var center = (p + (z2 / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;
        return new WilsonInterval(Math.Max(0, center - half), Math.Min(1, center + half));
    }
}
