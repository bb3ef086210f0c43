using Alignment.Functions.Http;
using Alignment.Hosting.Webhooks;
using Alignment.Sync.Inbox;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Options;

namespace Alignment.Functions.Triggers;

/// <summary>
/// Salesforce deliveries: Outbound Messages (SOAP, answered with the SOAP Ack) and Flow HTTP callouts signed with the
/// shared secret; the parser tells them apart and checks the organization id or the signature.
/// </summary>
public sealed class SalesforceWebhookFunction(WebhookIntakeJob job, IOptions<WebhookHostOptions> options)
{
    [Function("SalesforceWebhook")]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "webhooks/salesforce")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        var delivery = await WebhookHttp.ReadAsync(request, options.Value, cancellationToken).ConfigureAwait(false);
        if (delivery is null)
        {
            return await WebhookHttp.TooLargeAsync(request, options.Value, cancellationToken).ConfigureAwait(false);
        }

        var result = await job.RunAsync(new WebhookIntakeRequest("salesforce", delivery), cancellationToken).ConfigureAwait(false);
        return await WebhookHttp.WriteAsync(request, result, cancellationToken).ConfigureAwait(false);
    }
}
