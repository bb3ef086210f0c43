namespace Alignment.Sandbox.Salesforce.Soql;

/// <summary>A parsed query: selected paths and child subqueries, object, filter, order and limit.</summary>
internal sealed record SoqlQuery(
    IReadOnlyList<SoqlSelectItem> Select,
    string From,
    SoqlCondition? Where,
    IReadOnlyList<(string Path, bool Descending)> OrderBy,
    int? Limit);
