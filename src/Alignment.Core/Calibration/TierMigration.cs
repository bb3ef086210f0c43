using Alignment.Core.Tiers;

namespace Alignment.Core.Calibration;

/// <summary>One cell of the what-if migration matrix: accounts in <see cref="From"/> under the current model and <see cref="To"/> under the proposal.</summary>
public sealed record TierMigration(Tier From, Tier To, int Accounts);
