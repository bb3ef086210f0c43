using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Http;
using Alignment.Salesforce.Wire;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Options;

namespace Alignment.Salesforce.Auth;

/// <summary>Calls <c>/services/oauth2/token</c> with the configured flow (JWT bearer or client credentials).</summary>
internal sealed class SalesforceTokenClient(
    IHttpClientFactory httpClientFactory,
    IOptions<SalesforceOptions> options,
    SalesforceApiUsageTracker usage,
    TimeProvider timeProvider)
{
    public const string HttpClientName = "Alignment.Salesforce.Token";

    public async Task<SalesforceToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var login = o.LoginUrl ?? throw new InvalidOperationException("Alignment:Salesforce:LoginUrl is not set.");
        var now = timeProvider.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(login, "/services/oauth2/token"));
        if (o.AuthFlow == SalesforceAuthFlow.JwtBearer)
        {
            var audience = login.GetLeftPart(UriPartial.Authority);
            var assertion = SalesforceJwtAssertion.Create(o.ClientId!, o.Username!, audience, o.PrivateKeyPem!, now);
            request.Content = new FormUrlEncodedContent(
            [
                new("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
                new("assertion", assertion),
            ]);
        }
        else
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(o.ClientId!) + ":" + Uri.EscapeDataString(o.ClientSecret!)));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
            request.Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]);
        }

        var client = httpClientFactory.CreateClient(HttpClientName);
        usage.RecordCall();
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            throw new CrmException(
                SalesforceCrm.CrmName,
                "Salesforce refused the token request: " + (error?.Error ?? "unknown") + " (" + (error?.ErrorDescription ?? "no description") + ").",
                (int)response.StatusCode,
                error?.Error);
        }

        var body = await response.Content.ReadFromJsonAsync(SalesforceJsonContext.Default.TokenResponseDto, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(body?.AccessToken) || (o.InstanceUrl is null && !Uri.TryCreate(body.InstanceUrl, UriKind.Absolute, out _)))
        {
            throw new CrmException(SalesforceCrm.CrmName, "Salesforce's token response has no access_token or instance_url.", (int)response.StatusCode, null);
        }

        return new SalesforceToken(body.AccessToken, o.InstanceUrl ?? new Uri(body.InstanceUrl!), timeProvider.GetUtcNow());
    }

    private static async Task<TokenErrorDto?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(SalesforceJsonContext.Default.TokenErrorDto, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
