namespace Alignment.Core.Calibration;

/// <summary>
/// L2-regularised logistic regression by Newton-Raphson (iteratively reweighted least squares) on a few features with
/// an intercept. The penalty (not on the intercept) keeps the coefficients finite under perfect separation.
/// Deterministic; O(iterations · n · k²).
/// </summary>
public static class LogisticRegression
{
    /// <summary>
    /// Fits P(won) = σ(β₀ + Σ βⱼ xⱼ). <paramref name="features"/>[i] are the features of row i (same length k for all rows).
    /// Returns β (length k + 1, intercept first).
    /// </summary>
    public static double[] Fit(IReadOnlyList<double[]> features, IReadOnlyList<bool> won, double penalty = 1.0, int maxIterations = 50)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(won);
        if (features.Count != won.Count || features.Count == 0)
        {
            throw new ArgumentException("One outcome per row, and at least one row.", nameof(won));
        }

        var k = features[0].Length + 1;
        var beta = new double[k];
        var gradient = new double[k];
        var hessian = new double[k, k];
        var x = new double[k];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            Array.Clear(gradient);
            Array.Clear(hessian);
            for (var i = 0; i < features.Count; i++)
            {
                x[0] = 1;
                features[i].CopyTo(x, 1);
                var eta = 0.0;
                for (var j = 0; j < k; j++)
                {
                    eta += beta[j] * x[j];
                }

                var p = 1 / (1 + Math.Exp(-eta));
                var residual = (won[i] ? 1 : 0) - p;
                var w = Math.Max(p * (1 - p), 1e-12);
                for (var a = 0; a < k; a++)
                {
                    gradient[a] += residual * x[a];
                    for (var b = 0; b <= a; b++)
                    {
                        hessian[a, b] += w * x[a] * x[b];
                    }
                }
            }

            for (var a = 0; a < k; a++)
            {
                for (var b = 0; b < a; b++)
                {
                    hessian[b, a] = hessian[a, b];
                }

                if (a > 0)
                {
                    gradient[a] -= penalty * beta[a];
                    hessian[a, a] += penalty;
                }
            }

            var step = Solve(hessian, gradient);
            var change = 0.0;
            for (var j = 0; j < k; j++)
            {
                beta[j] += step[j];
                change = Math.Max(change, Math.Abs(step[j]));
            }

            if (change < 1e-9)
            {
                break;
            }
        }

        return beta;
    }

    /// <summary>The linear predictor β₀ + Σ βⱼ xⱼ.</summary>
    public static double Predict(double[] beta, double[] features)
    {
        ArgumentNullException.ThrowIfNull(beta);
        ArgumentNullException.ThrowIfNull(features);
        var eta = beta[0];
        for (var j = 0; j < features.Length; j++)
        {
            eta += beta[j + 1] * features[j];
        }

        return eta;
    }

    /// <summary>Solves A x = b by Gaussian elimination with partial pivoting (A is copied).</summary>
    private static double[] Solve(double[,] matrix, double[] rhs)
    {
        var n = rhs.Length;
        var a = (double[,])matrix.Clone();
        var b = (double[])rhs.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(a[row, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = row;
                }
            }

            if (Math.Abs(a[pivot, col]) < 1e-300)
            {
                return new double[n];
            }

            if (pivot != col)
            {
                for (var j = 0; j < n; j++)
                {
                    (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
                }

                (b[col], b[pivot]) = (b[pivot], b[col]);
            }

            for (var row = col + 1; row < n; row++)
            {
                var factor = a[row, col] / a[col, col];
                for (var j = col; j < n; j++)
                {
                    a[row, j] -= factor * a[col, j];
                }

                b[row] -= factor * b[col];
            }
        }

        var x = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = b[row];
            for (var j = row + 1; j < n; j++)
            {
                sum -= a[row, j] * x[j];
            }

            x[row] = sum / a[row, row];
        }

        return x;
    }
}
