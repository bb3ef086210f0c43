namespace Alignment.HubSpot.Wire;

internal sealed record ErrorDetail(string? Message, string? Code, string? In, string? SubCategory);
