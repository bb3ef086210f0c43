using Alignment.HubSpot.Http;

namespace Alignment.HubSpot.Crm;

/// <summary>
/// The portal's owners (id → e-mail) for the account mapper, read page by page from the owners API and kept for an
/// hour, one read at a time however many partitions ask at once.
/// </summary>
internal sealed class HubSpotOwnerDirectory(HubSpotClient client, TimeProvider time)
{
    private static readonly TimeSpan OwnersTtl = TimeSpan.FromHours(1);
    private readonly HubSpotClient _client = client;
    private readonly TimeProvider _time = time;
    private readonly SemaphoreSlim _ownersLock = new(1, 1);
    private Dictionary<string, string?>? _owners;
    private DateTimeOffset _ownersReadAt;

    /// <summary>The owners, read again when the copy is older than an hour.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> GetAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_owners is { } cached && now - _ownersReadAt < OwnersTtl)
        {
            return cached;
        }

        await _ownersLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_owners is { } again && now - _ownersReadAt < OwnersTtl)
            {
                return again;
            }

            var owners = new Dictionary<string, string?>(StringComparer.Ordinal);
            await foreach (var owner in _client.GetOwnersAsync(cancellationToken).ConfigureAwait(false))
            {
                owners[owner.Id] = owner.Email;
            }

            _owners = owners;
            _ownersReadAt = now;
            return owners;
        }
        finally
        {
            _ownersLock.Release();
        }
    }
}
