namespace Alignment.Salesforce.Wire;

/// <summary>One entry of <c>/limits</c>, e.g. <c>"DailyApiRequests":{"Max":5000,"Remaining":4937}</c>.</summary>
internal sealed record LimitDto(long Max, long Remaining);
