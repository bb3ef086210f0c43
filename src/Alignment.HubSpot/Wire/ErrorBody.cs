namespace Alignment.HubSpot.Wire;

/// <summary>HubSpot's error body (<c>Error</c> schema, plus the 429 fields <c>policyName</c> and <c>errorType</c>).</summary>
internal sealed record ErrorBody(
    string? Status,
    string? Message,
    string? CorrelationId,
    string? Category,
    string? SubCategory,
    string? PolicyName,
    string? ErrorType,
    IReadOnlyList<ErrorDetail>? Errors,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Context,
    IReadOnlyDictionary<string, string>? Links);
