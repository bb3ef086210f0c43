using System.Globalization;

namespace Alignment.Sync.Crm;

/// <summary>A CRM call failed as a whole. Adapters throw this (or a subclass) and nothing else.</summary>
public class CrmException : Exception
{
    public CrmException()
    {
    }

    public CrmException(string message)
        : base(message)
    {
    }

    public CrmException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public CrmException(string crm, string message, int? statusCode, string? errorCode, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Crm = crm;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RetryAfter = retryAfter;
    }

    /// <summary><c>salesforce</c> or <c>hubspot</c>.</summary>
    public string? Crm { get; }

    /// <summary>HTTP status, when the CRM answered.</summary>
    public int? StatusCode { get; }

    /// <summary>The CRM's error code (e.g. <c>INVALID_FIELD</c>, <c>RATE_LIMITS</c>).</summary>
    public string? ErrorCode { get; }

    /// <summary>
    /// The code the run ledger and the logs record for this failure: the CRM's <see cref="ErrorCode"/>, else the HTTP
    /// <see cref="StatusCode"/>, else <c>CRM_ERROR</c>.
    /// </summary>
    public string Code => ErrorCode ?? StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "CRM_ERROR";

    /// <summary>How long the CRM asked us to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when trying again later can succeed (throttling, 5xx, timeouts).</summary>
    public virtual bool IsTransient => StatusCode is null or >= 500 or 429 || RetryAfter is not null;
}
