namespace Alignment.Salesforce.Http;

/// <summary>Innermost handler: checks the budget before every call, counts it, and reads <c>Sforce-Limit-Info</c> after.</summary>
internal sealed class SalesforceLimitsHandler(SalesforceApiUsageTracker usage) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        usage.EnsureBudget();
        usage.RecordCall();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Headers.TryGetValues(SalesforceApiUsageTracker.HeaderName, out var values))
        {
            foreach (var value in values)
            {
                usage.Observe(value);
            }
        }

        return response;
    }
}
