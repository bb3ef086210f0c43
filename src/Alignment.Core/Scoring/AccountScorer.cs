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
    private const int StackContacts = 64;

    private readonly FitScorer fit;
    private readonly SignalWeights intent;
    private readonly SignalWeights engagement;
    private readonly SignalCategory[] categories;
    private readonly ScoreWeights weights;

    public AccountScorer(AlignmentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        fit = new FitScorer(model.Fit);
        intent = new SignalWeights(model.Intent);
        engagement = new SignalWeights(model.Engagement);
        weights = model.Weights;
        categories = [.. Enum.GetValues<SignalKind>().Select(SignalKinds.CategoryOf)];
    }

    internal FitScorer FitScorer => fit;

    internal SignalWeights IntentWeights => intent;

    internal SignalWeights EngagementWeights => engagement;

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

        int[]? rented = null;
        var contactCapacity = engagement.ContactLimit == 0 ? 0 : signals.Length;
        Span<int> scratch = contactCapacity <= StackContacts
            ? stackalloc int[StackContacts * 2]
            : (rented = ArrayPool<int>.Shared.Rent(contactCapacity * 2));
        var half = Math.Max(contactCapacity, StackContacts);
        var contactSignals = scratch[..half];
        var hashes = scratch.Slice(half, half);
        var contactCount = 0;

        for (var i = 0; i < signals.Length; i++)
        {
            ref readonly var signal = ref signals[i];
            var kind = (int)signal.Kind;
            if ((uint)kind >= (uint)categories.Length)
            {
                continue;
            }

            var age = asOfTicks - signal.At.UtcTicks;
            if (age < 0)
            {
                age = 0;
            }

            switch (categories[kind])
            {
                case SignalCategory.Intent when age < intent.WindowTicks:
                    var intentPoints = intent.PointsOf(signal);
                    if (intentPoints > 0)
                    {
                        intentSum += intentPoints * intent.Decay(age);
                    }

                    break;
                case SignalCategory.Engagement when age < engagement.WindowTicks:
                    var engagementPoints = engagement.Points[kind];
                    if (engagementPoints > 0)
                    {
                        engagementSum += engagementPoints * engagement.Decay(age);
                    }

                    if (contactCapacity > 0 && signal.ContactId is not null)
                    {
                        contactSignals[contactCount++] = i;
                    }

                    break;
            }
        }

        if (contactCount > 1)
        {
            var distinct = CountDistinctContacts(signals, contactSignals[..contactCount], hashes, engagement.ContactLimit);
            engagementSum += engagement.Bonus(distinct);
        }

        if (rented is not null)
        {
            ArrayPool<int>.Shared.Return(rented);
        }

        var fitScore = fit.Score(account);
        var intentScore = Math.Min(intentSum, intent.Cap);
        var engagementScore = Math.Min(engagementSum, engagement.Cap);
        var composite = (weights.Fit * fitScore) + (weights.Intent * intentScore) + (weights.Engagement * engagementScore);
        return new ScoreBreakdown(fitScore, intentScore, engagementScore, composite);
    }

    /// <summary>
    /// Counts distinct contact ids (ordinal) among <paramref name="indices"/>, stopping at <paramref name="limit"/>.
    /// Reuses <paramref name="indices"/> for the representatives; <paramref name="hashes"/> is scratch.
    /// </summary>
    internal static int CountDistinctContacts(ReadOnlySpan<Signal> signals, Span<int> indices, Span<int> hashes, int limit)
    {
        var distinct = 0;
        for (var k = 0; k < indices.Length; k++)
        {
            var index = indices[k];
            var contact = signals[index].ContactId!;
            var hash = contact.GetHashCode(StringComparison.Ordinal);
            var seen = false;
            for (var j = 0; j < distinct; j++)
            {
                if (hashes[j] == hash && string.Equals(signals[indices[j]].ContactId, contact, StringComparison.Ordinal))
                {
                    seen = true;
                    break;
                }
            }

            if (!seen)
            {
                hashes[distinct] = hash;
                indices[distinct] = index;
                distinct++;
                if (distinct >= limit)
                {
                    break;
                }
            }
        }

        return distinct;
    }
}
