using Alignment.Core.Accounts;

namespace Alignment.Sync.Crm;

/// <summary>An account read from the CRM.</summary>
/// <param name="Account">The domain view: firmographics, owner, signals, current field values.</param>
/// <param name="LastModifiedAt">
/// The newest modification instant (UTC) of the record or of the activities that selected it; the checkpoint
/// advances to the largest of these once the run's writes have succeeded.
/// </param>
/// <param name="Url">A link to the record in the CRM's UI, for alerts; null when unknown.</param>
public sealed record CrmAccount(Account Account, DateTimeOffset LastModifiedAt, Uri? Url = null);
