using System.Buffers;
using Alignment.Core.Accounts;
using Alignment.Core.Model;
using Alignment.Core.Signals;

namespace Alignment.Core.Scoring;

/// <summary>
/// Computes fit, intent, engagement and the composite of an account at an instant, in one pass over its signals and
/// without heap allocation (reasons are formatted separately). Thread-safe; build once per model.
/// </summary>
public sealed class AccountScorer
{
    private const int StackContacts = 16;

    private readonly FitScorer _fit;
    private readonly SignalWeights _intent;
    private readonly SignalWeights _engagement;
    private readonly SignalCategory[] _categories;
    private readonly ScoreWeights _weights;

    public AccountScorer(AlignmentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _fit = new FitScorer(model.Fit);
        _intent = new SignalWeights(model.Intent);
        _engagement = new SignalWeights(model.Engagement);
        _weights = model.Weights;
        _categories = [.. Enum.GetValues<SignalKind>().Select(SignalKinds.CategoryOf)];
    }

    internal FitScorer FitScorer => _fit;

    internal SignalWeights IntentWeights => _intent;

    internal SignalWeights EngagementWeights => _engagement;

    /// <summary>
    /// Scores <paramref name="account"/> as of <paramref name="asOf"/>. A signal's age is asOf − At clamped at 0;
    /// it counts while age &lt; the component's window.
    /// </summary>
    public ScoreBreakdown Score(Account account, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(account);
        var signals = account.Signals.IsDefault ? [] : account.Signals.AsSpan();
        var asOfTicks = asOf.UtcTicks;
        double intentSum = 0, engagementSum = 0;

        // Distinct engaged contacts, counted up to the limit beyond which the bonus cannot grow (4 with the defaults):
        // the indices of one signal per contact seen so far.
        var contactLimit = _engagement.ContactLimit;
        int[]? rented = null;
        Span<int> contacts = contactLimit <= StackContacts
            ? stackalloc int[StackContacts]
            : (rented = ArrayPool<int>.Shared.Rent(contactLimit));
        var distinct = 0;

        for (var i = 0; i < signals.Length; i++)
        {
            ref readonly var signal = ref signals[i];
            var kind = (int)signal.Kind;
            if ((uint)kind >= (uint)_categories.Length)
            {
                continue;
            }

            var age = asOfTicks - signal.At.UtcTicks;
            if (age < 0)
            {
                age = 0;
            }

            switch (_categories[kind])
            {
                case SignalCategory.Intent when age < _intent.WindowTicks:
                    var intentPoints = _intent.PointsOf(signal);
                    if (intentPoints > 0)
                    {
                        intentSum += intentPoints * _intent.Decay(age);
                    }

                    break;
                case SignalCategory.Engagement when age < _engagement.WindowTicks:
                    var engagementPoints = _engagement.Points[kind];
                    if (engagementPoints > 0)
                    {
                        engagementSum += engagementPoints * _engagement.Decay(age);
                    }

                    if (distinct < contactLimit && signal.ContactId is { } contact && !Seen(signals, contacts[..distinct], contact))
                    {
                        contacts[distinct++] = i;
                    }

                    break;
            }
        }

        if (rented is not null)
        {
            ArrayPool<int>.Shared.Return(rented);
        }

        if (distinct > 1)
        {
            engagementSum += _engagement.Bonus(distinct);
        }

        var fitScore = _fit.Score(account);
        var intentScore = Math.Min(intentSum, _intent.Cap);
        var engagementScore = Math.Min(engagementSum, _engagement.Cap);
        var composite = (_weights.Fit * fitScore) + (_weights.Intent * intentScore) + (_weights.Engagement * engagementScore);
        return new ScoreBreakdown(fitScore, intentScore, engagementScore, composite);
    }

    /// <summary>Whether one of the signals at <paramref name="indices"/> has contact id <paramref name="contact"/> (ordinal).</summary>
    private static bool Seen(ReadOnlySpan<Signal> signals, ReadOnlySpan<int> indices, string contact)
    {
        foreach (var index in indices)
        {
            if (string.Equals(signals[index].ContactId, contact, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
