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

        // Distinct engaged contacts, counted up to the limit beyond which the bonus cannot grow (4 with the defaults):
        // the indices of one signal per contact seen so far.
        var contactLimit = engagement.ContactLimit;
        int[]? rented = null;
        Span<int> contacts = contactLimit <= StackContacts
            ? stackalloc int[StackContacts]
            : (rented = ArrayPool<int>.Shared.Rent(contactLimit));
        var distinct = 0;

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
            engagementSum += engagement.Bonus(distinct);
        }

        var fitScore = fit.Score(account);
        var intentScore = Math.Min(intentSum, intent.Cap);
        var engagementScore = Math.Min(engagementSum, engagement.Cap);
        var composite = (weights.Fit * fitScore) + (weights.Intent * intentScore) + (weights.Engagement * engagementScore);
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
