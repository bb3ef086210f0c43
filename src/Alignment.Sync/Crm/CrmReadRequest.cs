namespace Alignment.Sync.Crm;

/// <summary>What <see cref="ICrm.ReadAccountsAsync"/> streams.</summary>
/// <param name="ModifiedSince">
/// Only accounts whose record or whose activities changed at or after this UTC instant; null reads every account.
/// </param>
/// <param name="SignalsSince">Signals older than this UTC instant are not read (the model's longest window).</param>
/// <param name="Filter">Which accounts to read.</param>
/// <param name="Range">Only the accounts of this id range (one partition of a full rescore); null reads all.</param>
public sealed record CrmReadRequest(
    DateTimeOffset? ModifiedSince,
    DateTimeOffset SignalsSince,
    CrmAccountFilter Filter = CrmAccountFilter.All,
    AccountRange? Range = null);
