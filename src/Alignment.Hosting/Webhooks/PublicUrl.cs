namespace Alignment.Hosting.Webhooks;

/// <summary>The URL a webhook sender called, as it signed it, from what the host received.</summary>
public static class PublicUrl
{
    /// <summary>
    /// <paramref name="requestUrl"/> with its scheme and authority replaced by <paramref name="publicBaseUrl"/> when set,
    /// else by the first <c>X-Forwarded-Proto</c> / <c>X-Forwarded-Host</c> values when present. Path and query are kept
    /// exactly as received.
    /// </summary>
    public static Uri Resolve(Uri requestUrl, Func<string, string?> header, Uri? publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(requestUrl);
        ArgumentNullException.ThrowIfNull(header);
        var pathAndQuery = requestUrl.PathAndQuery;
        if (publicBaseUrl is { IsAbsoluteUri: true })
        {
            var basePath = publicBaseUrl.AbsolutePath.TrimEnd('/');
            return new Uri(publicBaseUrl.GetLeftPart(UriPartial.Authority) + basePath + pathAndQuery);
        }

        var proto = First(header("X-Forwarded-Proto"));
        var host = First(header("X-Forwarded-Host"));
        if (proto is null && host is null)
        {
            return requestUrl;
        }

        var scheme = proto?.ToUpperInvariant() switch { "HTTP" => "http", "HTTPS" => "https", _ => requestUrl.Scheme };
        var authority = host ?? requestUrl.Authority;
        return Uri.TryCreate($"{scheme}://{authority}{pathAndQuery}", UriKind.Absolute, out var resolved) ? resolved : requestUrl;
    }

    private static string? First(string? value)
    {
        var first = value?.Split(',')[0].Trim();
        return string.IsNullOrEmpty(first) ? null : first;
    }
}
