using System.Collections.Immutable;

namespace Alignment.Core.Calibration;

/// <summary>
/// What the rollout would write: accounts whose score or tier would change, the count per field (every account gets
/// the new <c>modelVersion</c>), and the first changes in account order (up to the sample size).
/// </summary>
public sealed record FieldDiff(int Accounts, int ChangedAccounts, ImmutableDictionary<string, int> Fields, ImmutableArray<FieldChange> Sample);
