using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Alignment.Sandbox.Salesforce;

/// <summary>The OAuth token endpoint: the JWT bearer flow (assertion checked against the connected app's key) and client credentials.</summary>
internal sealed partial class SalesforceEmulatorApi
{
    public async Task TokenAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tokenCalls);
        await DelayAsync(context).ConfigureAwait(false);
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var grant = form["grant_type"].ToString();
        var problem = grant switch
        {
            "urn:ietf:params:oauth:grant-type:jwt-bearer" => CheckAssertion(form["assertion"].ToString()),
            "client_credentials" => CheckClientCredentials(context, form),
            _ => ("unsupported_grant_type", "grant type not supported"),
        };
        if (problem is { } p)
        {
            await WriteJsonAsync(context, 400, w =>
            {
                w.WriteStartObject();
                w.WriteString("error", p.Error);
                w.WriteString("error_description", p.Description);
                w.WriteEndObject();
            }).ConfigureAwait(false);
            return;
        }

        var token = _options.OrganizationId[..15] + "!" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        _tokens[token] = 0;
        var instance = BaseAddress.GetLeftPart(UriPartial.Authority);
        await WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("access_token", token);
            w.WriteString("scope", "api");
            w.WriteString("instance_url", instance);
            w.WriteString("id", instance + "/id/" + _options.OrganizationId + "/005000000000API");
            w.WriteString("token_type", "Bearer");
            w.WriteString("issued_at", _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
            w.WriteString("signature", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token))));
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private (string Error, string Description)? CheckAssertion(string assertion)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            return ("invalid_grant", "invalid assertion");
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var p = payload.RootElement;
            var iss = p.TryGetProperty("iss", out var i) ? i.GetString() : null;
            var sub = p.TryGetProperty("sub", out var s) ? s.GetString() : null;
            var aud = p.TryGetProperty("aud", out var a) ? a.GetString() : null;
            var exp = p.TryGetProperty("exp", out var e) && e.TryGetInt64(out var x) ? x : 0;
            var now = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
            if (iss != _options.ClientId)
            {
                return ("invalid_client_id", "client identifier invalid");
            }

            if (sub != _options.Username)
            {
                return ("invalid_grant", "user hasn't approved this consumer");
            }

            if (aud is null || !(aud.TrimEnd('/') == BaseAddress.GetLeftPart(UriPartial.Authority) || aud is "https://login.salesforce.com" or "https://test.salesforce.com"))
            {
                return ("invalid_grant", "audience is invalid");
            }

            if (exp < now || exp > now + 300)
            {
                return ("invalid_grant", "expired authorization code");
            }

            if (_options.PublicKeyPem is { } pem)
            {
                using var rsa = RSA.Create();
                rsa.ImportFromPem(pem);
                var ok = rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                if (!ok)
                {
                    return ("invalid_grant", "invalid assertion");
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or CryptographicException)
        {
            return ("invalid_grant", "invalid assertion");
        }
    }

    private (string Error, string Description)? CheckClientCredentials(HttpContext context, IFormCollection form)
    {
        string? id = form["client_id"], secret = form["client_secret"];
        var auth = context.Request.Headers.Authorization.ToString();
        if (auth.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(auth["Basic ".Length..]));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                id = Uri.UnescapeDataString(decoded[..colon]);
                secret = Uri.UnescapeDataString(decoded[(colon + 1)..]);
            }
        }

        return id == _options.ClientId && secret == _options.ClientSecret ? null : ("invalid_client", "invalid client credentials");
    }
}
