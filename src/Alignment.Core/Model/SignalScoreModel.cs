using System.Collections.Immutable;
using Alignment.Core.Signals;

namespace Alignment.Core.Model;

/// <summary>
/// A signal-driven component (intent or engagement): Σ points(kind) × 0.5^(age / half-life) over the signals of its
/// category with age &lt; window, plus the optional contact bonus, capped.
/// </summary>
/// <param name="WindowDays">Signals this old or older (in days) are ignored; &gt; 0.</param>
/// <param name="HalfLifeDays">Age (in days) at which a signal counts half; &gt; 0.</param>
/// <param name="Cap">Highest component score, in (0, 100].</param>
/// <param name="Points">Points per kind at age 0 (≥ 0); kinds not listed score 0.</param>
/// <param name="ContactBonus">Engagement only: the buying-group bonus; null for intent.</param>
public sealed record SignalScoreModel(
    double WindowDays,
    double HalfLifeDays,
    double Cap,
    ImmutableDictionary<SignalKind, double> Points,
    ContactBonus? ContactBonus = null)
{
    /// <summary>Points of a kind at age 0; 0 when the kind is not listed.</summary>
    public double PointsOf(SignalKind kind) => Points.TryGetValue(kind, out var points) ? points : 0;
}
