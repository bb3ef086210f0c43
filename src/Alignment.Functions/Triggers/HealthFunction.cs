using System.Net;
using Alignment.Hosting.Health;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Alignment.Functions.Triggers;

/// <summary>Liveness for probes and the deploy check: the configured CRM and the model version, no secrets.</summary>
public sealed class HealthFunction(HealthReporter health)
{
    [Function("Health")]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        var response = request.CreateResponse(HttpStatusCode.OK);
        await response.WriteAsJsonAsync(health.Report(), cancellationToken).ConfigureAwait(false);
        return response;
    }
}
