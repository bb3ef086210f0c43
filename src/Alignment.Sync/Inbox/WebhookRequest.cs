namespace Alignment.Sync.Inbox;

/// <summary>An HTTP webhook delivery as a host received it, before anything is trusted.</summary>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Url">The full public URL the sender called (scheme, host, path, query): HubSpot signs it.</param>
/// <param name="Headers">Request headers; look-ups are case-insensitive.</param>
/// <param name="Body">The raw body bytes, exactly as received (signatures are over these).</param>
public sealed record WebhookRequest(string Method, Uri Url, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body)
{
    /// <summary>A header value, or null. Case-insensitive whatever dictionary the host passed.</summary>
    public string? Header(string name)
    {
        if (Headers.TryGetValue(name, out var value))
        {
            return value;
        }

        foreach (var (key, v) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return null;
    }
}
