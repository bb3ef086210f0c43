using System.Net;
using System.Net.Http.Headers;
using Alignment.Salesforce.Logging;
using Microsoft.Extensions.Logging;

namespace Alignment.Salesforce.Auth;

/// <summary>
/// Puts the bearer token on each request (pointing it at the token's instance) and, on 401 INVALID_SESSION_ID,
/// refreshes the token once and replays the same request (its content is buffered first, so nothing is lost).
/// </summary>
internal sealed class SalesforceAuthHandler(SalesforceTokenCache tokens, ILogger<SalesforceAuthHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        Apply(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !await IsInvalidSessionAsync(response, cancellationToken).ConfigureAwait(false))
        {
            return response;
        }

        response.Dispose();
        SalesforceLog.SessionExpired(logger);
        var fresh = await tokens.RefreshAsync(token, cancellationToken).ConfigureAwait(false);
        Apply(request, fresh);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void Apply(HttpRequestMessage request, SalesforceToken token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        if (request.RequestUri is { IsAbsoluteUri: true } uri && uri.GetLeftPart(UriPartial.Authority) != token.InstanceUrl.GetLeftPart(UriPartial.Authority))
        {
            request.RequestUri = new Uri(token.InstanceUrl, uri.PathAndQuery);
        }
    }

    private static async Task<bool> IsInvalidSessionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Contains("INVALID_SESSION_ID", StringComparison.Ordinal);
    }
}
