using Alignment.Core.Model;
using Alignment.Core.Signals;

namespace Alignment.Core.Scoring;

/// <summary>
/// A signal component's settings precomputed for the hot path: points indexed by <c>(int)SignalKind</c>, window and
/// half-life in ticks.
/// </summary>
internal sealed class SignalWeights
{
    public SignalWeights(SignalScoreModel model)
    {
        var kinds = Enum.GetValues<SignalKind>();
        Points = new double[kinds.Length];
        foreach (var kind in kinds)
        {
            Points[(int)kind] = model.PointsOf(kind);
        }

        WindowTicks = (long)Math.Round(model.WindowDays * TimeSpan.TicksPerDay);
        HalfLifeTicks = model.HalfLifeDays * TimeSpan.TicksPerDay;
        Cap = model.Cap;
        BonusPerContact = model.ContactBonus?.PointsPerContact ?? 0;
        BonusMax = model.ContactBonus?.Max ?? 0;

        // Beyond this many distinct contacts the bonus cannot grow: stop counting there.
        ContactLimit = BonusPerContact > 0 && BonusMax > 0
            ? (int)Math.Min(int.MaxValue - 1, Math.Ceiling(BonusMax / BonusPerContact)) + 1
            : 0;
    }

    public double[] Points { get; }
    public long WindowTicks { get; }
    public double HalfLifeTicks { get; }
    public double Cap { get; }
    public double BonusPerContact { get; }
    public double BonusMax { get; }

    /// <summary>Distinct contacts worth counting; 0 when there is no bonus.</summary>
    public int ContactLimit { get; }

    /// <summary>0.5^(ageTicks / half-life).</summary>
    public double Decay(long ageTicks) => Math.Pow(0.5, ageTicks / HalfLifeTicks);

    /// <summary>The bonus for <paramref name="distinctContacts"/> engaged contacts: per contact beyond the first, clamped to [0, max].</summary>
    public double Bonus(int distinctContacts) => Math.Clamp(BonusPerContact * (distinctContacts - 1), 0, BonusMax);

    /// <summary>Points of one signal at age 0 (ThirdPartyIntent × strength, null strength = 1, clamped to [0, 1]).</summary>
    public double PointsOf(in Signal signal)
    {
        var points = Points[(int)signal.Kind];
        if (signal.Kind == SignalKind.ThirdPartyIntent && signal.Strength is { } strength)
        {
            points *= double.IsNaN(strength) ? 0 : Math.Clamp(strength, 0, 1);
        }

        return points;
    }
}
