using Alignment.Functions.Http;
using Alignment.Hosting.Webhooks;
using Alignment.Sync.Inbox;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Options;

namespace Alignment.Functions.Triggers;

/// <summary>HubSpot webhook deliveries (signature v3 checked by the parser), stored in the inbox before the 200.</summary>
public sealed class HubSpotWebhookFunction(WebhookIntakeJob job, IOptions<WebhookHostOptions> options)
{
    [Function("HubSpotWebhook")]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "webhooks/hubspot")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        var delivery = await WebhookHttp.ReadAsync(request, options.Value, cancellationToken).ConfigureAwait(false);
        if (delivery is null)
        {
            return await WebhookHttp.TooLargeAsync(request, options.Value, cancellationToken).ConfigureAwait(false);
        }

        var result = await job.RunAsync(new WebhookIntakeRequest("hubspot", delivery), cancellationToken).ConfigureAwait(false);
        return await WebhookHttp.WriteAsync(request, result, cancellationToken).ConfigureAwait(false);
    }
}
