using Alignment.Core.Tiers;

namespace Alignment.Sync.Plan;

/// <summary><paramref name="Accounts"/> accounts whose tier would go from <paramref name="From"/> (the CRM's now) to <paramref name="To"/>.</summary>
public sealed record PlanTierMove(Tier From, Tier To, int Accounts);
