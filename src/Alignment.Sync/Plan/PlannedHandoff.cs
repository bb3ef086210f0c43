using Alignment.Core.Tiers;

namespace Alignment.Sync.Plan;

/// <summary>A handoff the scoring run would make.</summary>
/// <param name="Rule">The rule that matched, e.g. <c>tier1-meeting</c>.</param>
/// <param name="Tier">The tier at handoff.</param>
/// <param name="SlaDue">The SLA deadline (UTC).</param>
public sealed record PlannedHandoff(string Rule, Tier Tier, DateTimeOffset SlaDue);
