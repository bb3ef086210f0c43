using Alignment.Sync.Crm;

namespace Alignment.HubSpot;

/// <summary>
/// A HubSpot call failed: the HTTP status, HubSpot's <c>category</c> (as <see cref="CrmException.ErrorCode"/>),
/// <c>correlationId</c> (quote it to HubSpot support), the 429 <c>policyName</c> and <c>Retry-After</c>.
/// </summary>
public sealed class HubSpotException : CrmException
{
    public HubSpotException()
    {
    }

    public HubSpotException(string message)
        : base(message)
    {
    }

    public HubSpotException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public HubSpotException(
        string message,
        int? statusCode,
        string? category,
        string? correlationId = null,
        string? policyName = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(CrmKinds.HubSpotName, message, statusCode, category, retryAfter, innerException)
    {
        CorrelationId = correlationId;
        PolicyName = policyName;
    }

    /// <summary>HubSpot's request id for support.</summary>
    public string? CorrelationId { get; }

    /// <summary>For 429: <c>TEN_SECONDLY_ROLLING</c> (wait) or <c>DAILY</c> (stop).</summary>
    public string? PolicyName { get; }

    /// <summary>HubSpot's error category (e.g. <c>VALIDATION_ERROR</c>); same as <see cref="CrmException.ErrorCode"/>.</summary>
    public string? Category => ErrorCode;
}
