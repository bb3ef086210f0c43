using System.Collections.Immutable;
using Alignment.Core.Accounts;
using Alignment.Core.Model;
using Alignment.Core.Scoring;
using Alignment.Core.Signals;
using Alignment.Core.Tiers;

namespace Alignment.Core.Calibration;

/// <summary>
/// Scores an account as it stood at an instant, with no leakage: only its signals dated at or before the instant
/// count (the live scorer treats a later signal as "now"), then the same <see cref="AccountScorer"/> that
/// <c>evaluate</c> uses gives the integer fit, intent, engagement and composite, and the tier comes from the
/// thresholds alone. Firmographics are the account's current values (CRMs keep no history of them). Pure and
/// thread-safe.
/// </summary>
public sealed class PointInTimeScorer
{
    private readonly AccountScorer _scorer;
    private readonly TierPolicy _tiers;

    public PointInTimeScorer(AlignmentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _scorer = new AccountScorer(model);
        _tiers = new TierPolicy(model.Tiers);
    }

    /// <summary>Scores <paramref name="account"/> as of <paramref name="asOf"/>, ignoring signals dated after it.</summary>
    public PointInTimeScore Score(Account account, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(account);
        var breakdown = _scorer.Score(AsOf(account, asOf), asOf);
        return new PointInTimeScore(breakdown.FitScore, breakdown.IntentScore, breakdown.EngagementScore, breakdown.Score, _tiers.TierOf(breakdown.Score));
    }

    /// <summary>The account with only the signals dated at or before <paramref name="asOf"/> (the same instance when none is later).</summary>
    public static Account AsOf(Account account, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(account);
        var signals = account.Signals.IsDefault ? [] : account.Signals;
        var ticks = asOf.UtcTicks;
        var later = 0;
        foreach (var signal in signals)
        {
            if (signal.At.UtcTicks > ticks)
            {
                later++;
            }
        }

        if (later == 0)
        {
            return account;
        }

        var kept = ImmutableArray.CreateBuilder<Signal>(signals.Length - later);
        foreach (var signal in signals)
        {
            if (signal.At.UtcTicks <= ticks)
            {
                kept.Add(signal);
            }
        }

        return account with { Signals = kept.MoveToImmutable() };
    }
}
