using System.Net;
using Alignment.Hosting.Health;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Alignment.Functions.Triggers;

/// <summary>
/// Health for probes and the deploy check: the configured CRM, the model version and each dependency (storage, model, CRM
/// token); 503 naming what is wrong when one fails. No secrets.
/// </summary>
public sealed class HealthFunction(HealthReporter health)
{
    [Function("Health")]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        var report = await health.CheckAsync(cancellationToken).ConfigureAwait(false);
        var response = request.CreateResponse();
        await response.WriteAsJsonAsync(report, cancellationToken).ConfigureAwait(false);
        response.StatusCode = (HttpStatusCode)report.StatusCode; // after WriteAsJsonAsync, which sets 200
        return response;
    }
}
