namespace Alignment.Sync.Plan;

/// <summary>A dry run.</summary>
/// <param name="Full">Plan for every account (default), or only for those changed since the scoring checkpoint.</param>
/// <param name="MaxAccounts">Stop reading after this many accounts; null reads all.</param>
public sealed record PlanRequest(bool Full = true, int? MaxAccounts = null);
