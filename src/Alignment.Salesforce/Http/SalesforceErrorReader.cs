using System.Net;
using System.Text.Json;
using Alignment.Salesforce.Wire;
using Alignment.Sync.Crm;

namespace Alignment.Salesforce.Http;

/// <summary>Turns a failed REST response into the adapter's one exception type.</summary>
internal static class SalesforceErrorReader
{
    public const string RequestLimitExceeded = "REQUEST_LIMIT_EXCEEDED";

    /// <summary>Parses <c>[{"message","errorCode","fields"}]</c> (or a single object) and builds the exception.</summary>
    public static CrmException ToException(HttpStatusCode status, string body, ApiUsage usage, TimeSpan? retryAfter)
    {
        var error = Parse(body);
        var code = error?.ErrorCode;
        var message = "Salesforce answered " + (int)status + " " + (code ?? "(no error code)") + ": " + (error?.Message ?? "no message") + ".";
        if (status == HttpStatusCode.Forbidden && code == RequestLimitExceeded)
        {
            return new CrmBudgetExhaustedException(SalesforceCrm.CrmName, message, usage);
        }

        return new CrmException(SalesforceCrm.CrmName, message, (int)status, code, retryAfter);
    }

    public static ApiErrorDto? Parse(string body)
    {
        try
        {
            var trimmed = body.AsSpan().TrimStart();
            if (trimmed.StartsWith("["))
            {
                var list = JsonSerializer.Deserialize(body, SalesforceJsonContext.Default.ListApiErrorDto);
                return list is { Count: > 0 } ? list[0] : null;
            }

            return trimmed.StartsWith("{") ? JsonSerializer.Deserialize(body, SalesforceJsonContext.Default.ApiErrorDto) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
