using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Alignment.Salesforce.Auth;

/// <summary>Builds the RS256 assertion of the OAuth 2.0 JWT bearer flow.</summary>
internal static class SalesforceJwtAssertion
{
    /// <summary>Assertion lifetime; Salesforce wants <c>exp</c> within 3 minutes.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(3);

    /// <summary>A signed JWT with iss = client id, sub = username, aud = login URL, exp = now + 3 min (epoch seconds).</summary>
    public static string Create(string clientId, string username, string audience, string privateKeyPem, DateTimeOffset now)
    {
        var header = Base64Url.EncodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"u8);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", clientId);
            writer.WriteString("sub", username);
            writer.WriteString("aud", audience);
            writer.WriteNumber("exp", (now + Lifetime).ToUnixTimeSeconds());
            writer.WriteEndObject();
        }

        var payload = Base64Url.EncodeToString(buffer.ToArray());
        var signingInput = header + "." + payload;
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }
}
