using Alignment.Functions.Http;
using Alignment.Hosting.Webhooks;
using Alignment.Sync.Crm;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Alignment.Functions.Triggers;

/// <summary>
/// Salesforce deliveries: Outbound Messages (SOAP, answered with the SOAP Ack) and Flow HTTP callouts signed with the
/// shared secret; the parser tells them apart and checks the organization id or the signature.
/// </summary>
public sealed class SalesforceWebhookFunction(WebhookEndpoint endpoint)
{
    [Function("SalesforceWebhook")]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "webhooks/salesforce")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        return await WebhookHttp.HandleAsync(endpoint, CrmKinds.SalesforceName, request, cancellationToken).ConfigureAwait(false);
    }
}
