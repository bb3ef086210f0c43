using Alignment.Functions.Http;
using Alignment.Hosting.Webhooks;
using Alignment.Sync.Crm;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Alignment.Functions.Triggers;

/// <summary>HubSpot webhook deliveries (signature v3 checked by the parser), stored in the inbox before the 200.</summary>
public sealed class HubSpotWebhookFunction(WebhookEndpoint endpoint)
{
    [Function("HubSpotWebhook")]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "webhooks/hubspot")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        return await WebhookHttp.HandleAsync(endpoint, CrmKinds.HubSpotName, request, cancellationToken).ConfigureAwait(false);
    }
}
