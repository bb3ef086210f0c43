namespace Alignment.Core.Handoffs;

/// <summary>Whether an account may be handed off (again) now, and which signals count for it.</summary>
/// <param name="Open">True when the handoff rules are evaluated for the account.</param>
/// <param name="SignalsAfter">Only signals strictly after this instant count (a re-entry needs <em>new</em> signals); null: all.</param>
/// <param name="OpensAt">When a closed handoff's cool-down ends (UTC); null when open now or never by itself (an unanswered open handoff).</param>
public sealed record HandoffEligibility(bool Open, DateTimeOffset? SignalsAfter = null, DateTimeOffset? OpensAt = null)
{
    public static HandoffEligibility Always { get; } = new(true);
}
