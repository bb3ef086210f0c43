using System.Security.Cryptography;
using System.Text;

namespace Alignment.HubSpot.Webhooks;

/// <summary>
/// HubSpot's webhook request signatures. v3: <c>base64(HMAC-SHA256(secret, method + uri + body + timestamp))</c>;
/// v2: <c>hex(SHA-256(secret + method + uri + body))</c>; v1: <c>hex(SHA-256(secret + body))</c>. The body is the raw
/// bytes as received.
/// </summary>
public static class HubSpotSignature
{
    /// <summary>The v3 signature (base64).</summary>
    public static string V3(string clientSecret, string method, string uri, ReadOnlySpan<byte> body, string timestamp)
    {
        ArgumentNullException.ThrowIfNull(clientSecret);
        var source = Concat(Encoding.UTF8.GetBytes(method + DecodeUri(uri)), body, Encoding.UTF8.GetBytes(timestamp));
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), source));
    }

    /// <summary>The v2 signature (lower-case hex).</summary>
    public static string V2(string clientSecret, string method, string uri, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(SHA256.HashData(Concat(Encoding.UTF8.GetBytes(clientSecret + method + uri), body, [])));

    /// <summary>The v1 signature (lower-case hex).</summary>
    public static string V1(string clientSecret, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(SHA256.HashData(Concat(Encoding.UTF8.GetBytes(clientSecret), body, [])));

    /// <summary>Constant-time comparison of two signatures' text.</summary>
    public static bool Matches(string expected, string? actual) =>
        actual is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual.Trim()));

    /// <summary>v3 signs the URI with these percent-encodings decoded (HubSpot's list).</summary>
    internal static string DecodeUri(string uri)
    {
        if (!uri.Contains('%', StringComparison.Ordinal))
        {
            return uri;
        }

        string[][] pairs =
        [
            ["%3A", ":"], ["%2F", "/"], ["%3F", "?"], ["%40", "@"], ["%21", "!"], ["%24", "$"], ["%27", "'"],
            ["%28", "("], ["%29", ")"], ["%2A", "*"], ["%2C", ","], ["%3B", ";"],
        ];
        foreach (var pair in pairs)
        {
            uri = uri.Replace(pair[0], pair[1], StringComparison.OrdinalIgnoreCase);
        }

        return uri;
    }

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c)
    {
        var all = new byte[a.Length + b.Length + c.Length];
        a.CopyTo(all);
        b.CopyTo(all.AsSpan(a.Length));
        c.CopyTo(all.AsSpan(a.Length + b.Length));
        return all;
    }
}
