namespace Alignment.HubSpot.Wire;

/// <summary>One error of a 207 batch response. Every field is optional in practice.</summary>
internal sealed record StandardError(
    string? Status,
    string? Category,
    string? SubCategory,
    string? Message,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Context,
    IReadOnlyList<ErrorDetail>? Errors,
    string? Id = null);
