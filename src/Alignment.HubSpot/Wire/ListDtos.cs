namespace Alignment.HubSpot.Wire;

/// <summary>
/// A list's filter branch (Lists API v3): the root is an <c>OR</c> branch whose children are <c>AND</c> branches of
/// filters (a record is a member when it passes every filter of one child).
/// </summary>
internal sealed record ListFilterBranch(
    string FilterBranchType,
    IReadOnlyList<ListFilterBranch> FilterBranches,
    IReadOnlyList<ListFilter> Filters,
    string? FilterBranchOperator = null);

/// <summary>A <c>PROPERTY</c> filter on one property.</summary>
internal sealed record ListFilter(string FilterType, string Property, ListFilterOperation Operation);

/// <summary>
/// The test a property filter applies: <c>ENUMERATION</c> with <c>IS_ANY_OF</c>/<c>IS_NONE_OF</c> and <see cref="Values"/>;
/// <c>BOOL</c> with <c>IS_EQUAL_TO</c>/<c>IS_NOT_EQUAL_TO</c> and <see cref="Value"/>; <c>ALL_PROPERTY</c> with
/// <c>IS_KNOWN</c>/<c>IS_NOT_KNOWN</c>.
/// </summary>
internal sealed record ListFilterOperation(
    string OperationType,
    string Operator,
    IReadOnlyList<string>? Values = null,
    bool? Value = null,
    bool? IncludeObjectsWithNoValueSet = null);

/// <summary>The body of a list creation.</summary>
internal sealed record ListCreateRequest(string Name, string ObjectTypeId, string ProcessingType, ListFilterBranch FilterBranch);

/// <summary>A list definition as HubSpot returns it (filters only when asked with <c>includeFilters=true</c>).</summary>
internal sealed record ListDto(
    string ListId,
    string Name,
    string ObjectTypeId,
    string ProcessingType,
    ListFilterBranch? FilterBranch = null,
    long? Size = null);

/// <summary><c>{"list": {...}}</c>, the answer of create and fetch.</summary>
internal sealed record ListResponse(ListDto List);
