using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Alignment.HubSpot.Http;

/// <summary>Adds the private-app token as <c>Authorization: Bearer</c>. The token is never logged.</summary>
internal sealed class HubSpotAuthHandler(IOptionsMonitor<HubSpotOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = options.CurrentValue.AccessToken;
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
