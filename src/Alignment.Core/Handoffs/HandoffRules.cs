using System.Collections.Immutable;
using Alignment.Core.Accounts;
using Alignment.Core.Signals;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;

namespace Alignment.Core.Handoffs;

/// <summary>
/// The ordered handoff rules of the model file; the first rule that matches names the handoff. Immutable.
/// </summary>
public sealed class HandoffRules
{
    /// <param name="rules">The rules, in order.</param>
    /// <param name="lifecycle">The lifecycle (re-entry cool-down); <see cref="HandoffLifecycle.Default"/> when null.</param>
    public HandoffRules(IEnumerable<HandoffRule> rules, HandoffLifecycle? lifecycle = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = [.. rules];
        Lifecycle = lifecycle ?? HandoffLifecycle.Default;
        var duplicate = Rules.GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Rule id '{duplicate.Key}' is used twice.", nameof(rules));
        }
    }

    /// <summary>The four default rules (docs/handoff-sla.md): tier1-meeting, tier2-double-open, pricing-surge, mqa.</summary>
    public static HandoffRules Default { get; } = new(
    [
        new HandoffRule(
            "tier1-meeting",
            [Tier.Tier1],
            new HandoffMatch([SignalKind.MeetingBooked, SignalKind.DemoAttended], null, TimeSpan.FromDays(7))),
        new HandoffRule(
            "tier2-double-open",
            [Tier.Tier2],
            new HandoffMatch([SignalKind.EmailOpen], null, TimeSpan.FromDays(7), minCount: 2, minDistinctContacts: 2, sameSubject: true, withinOfEachOther: TimeSpan.FromHours(48))),
        new HandoffRule(
            "pricing-surge",
            [Tier.Tier1, Tier.Tier2],
            new HandoffMatch([SignalKind.PricingPageView], null, TimeSpan.FromDays(7), minCount: 3)),
        new HandoffRule(
            "mqa",
            null,
            new HandoffMatch(null, [SignalCategory.Engagement, SignalCategory.Intent], TimeSpan.FromDays(30), minCount: 3, minDistinctContacts: 2),
            minFit: 60,
            minIntent: 50),
    ]);

    public ImmutableArray<HandoffRule> Rules { get; }

    /// <summary>The lifecycle: which states may be handed off (again), and the re-entry cool-down.</summary>
    public HandoffLifecycle Lifecycle { get; }

    /// <summary>Whether an account with this state may be handed off at <paramref name="asOf"/> (see <see cref="HandoffLifecycle.Eligibility"/>).</summary>
    public HandoffEligibility Eligibility(AlignmentState current, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(current);
        return Lifecycle.Eligibility(HandoffLifecycleState.From(current), asOf);
    }

    /// <summary>The first rule admitting the tier, fit and intent whose patterns (all of them) the signals satisfy at asOf; null if none.</summary>
    public HandoffRule? FirstMatch(IEnumerable<Signal> signals, Tier effectiveTier, int fit, int intent, DateTimeOffset asOf, DateTimeOffset? signalsAfter = null)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var list = signals as IReadOnlyCollection<Signal> ?? [.. signals];
        return Rules.FirstOrDefault(rule => rule.Admits(effectiveTier, fit, intent) && rule.IsMatchedBy(list, asOf, signalsAfter));
    }

    /// <summary>
    /// Decides a new handoff for <paramref name="account"/> at <paramref name="asOf"/>, or null: when the lifecycle
    /// does not allow one now (see <see cref="Eligibility"/>: an open handoff, or a closed one still cooling down) or no
    /// rule matches (after a closed handoff, only signals newer than it count). <paramref name="effectiveTier"/> is the tier after hysteresis and
    /// lock; <paramref name="fit"/> and <paramref name="intent"/> are the reported (rounded) components. The handoff
    /// instant is asOf; the SLA due instant comes from <paramref name="sla"/> in the owner's calendar.
    /// </summary>
    public HandoffDecision? Decide(Account account, Tier effectiveTier, int fit, int intent, SlaClock sla, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(sla);
        var eligibility = Eligibility(account.Current ?? AlignmentState.Empty, asOf);
        if (!eligibility.Open)
        {
            return null;
        }

        var rule = FirstMatch(account.Signals.IsDefault ? [] : account.Signals, effectiveTier, fit, intent, asOf, eligibility.SignalsAfter);
        if (rule is null)
        {
            return null;
        }

        var due = sla.DueFor(asOf, effectiveTier == Tier.None ? null : effectiveTier, account.Owner?.TimeZone);
        return new HandoffDecision(rule.Id, asOf, effectiveTier, due);
    }
}
