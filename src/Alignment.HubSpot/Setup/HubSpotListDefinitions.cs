using Alignment.HubSpot.Crm;
using Alignment.HubSpot.Wire;
using Alignment.Sync.Crm;

namespace Alignment.HubSpot.Setup;

/// <summary>
/// The active (<c>DYNAMIC</c>) company lists setup creates on the connector's properties (docs/hubspot.md, "Lists"):
/// HubSpot's side of the weekly scoreboard's CRM views. Names are stable (setup finds a list by name); filters use the
/// configured property names.
/// </summary>
internal static class HubSpotListDefinitions
{
    /// <summary>HubSpot's object type id of companies.</summary>
    public const string CompaniesTypeId = "0-2";

    public const string Tier1 = "Alignment: Tier 1 accounts";
    public const string Tier2 = "Alignment: Tier 2 accounts";
    public const string SlaAtRisk = "Alignment: SLA at risk or breached";
    public const string PendingHandoffs = "Alignment: handoffs awaiting sales";
    public const string AwaitingConfirmation = "Alignment: awaiting tier confirmation";

    public static IReadOnlyList<ListCreateRequest> For(HubSpotPropertyMap names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return
        [
            Dynamic(Tier1, AnyOf(names[AlignmentField.Tier], "Tier1")),
            Dynamic(Tier2, AnyOf(names[AlignmentField.Tier], "Tier2")),
            Dynamic(SlaAtRisk, AnyOf(names[AlignmentField.SlaStatus], "AtRisk", "Breached")),
            Dynamic(PendingHandoffs, AnyOf(names[AlignmentField.HandoffStatus], "Pending")),
            Dynamic(AwaitingConfirmation, IsTrue(names[AlignmentField.ReviewDue])),
        ];
    }

    /// <summary>
    /// The filters as a comparable text: one line per AND branch (its filters sorted), the lines sorted. HubSpot adds
    /// <c>filterBranchOperator</c> and <c>includeObjectsWithNoValueSet: false</c> when it answers; neither changes the meaning.
    /// </summary>
    public static string Canonical(ListFilterBranch? root)
    {
        if (root is null)
        {
            return "";
        }

        var branches = root.FilterBranches.Select(b => string.Join(" AND ", b.Filters.Select(Canonical).Order(StringComparer.Ordinal)));
        var top = root.Filters.Select(Canonical);
        return $"{root.FilterBranchType}: " + string.Join(" | ", top.Concat(branches).Order(StringComparer.Ordinal));
    }

    private static string Canonical(ListFilter f) =>
        $"{f.FilterType} {f.Property} {f.Operation.OperationType} {f.Operation.Operator} " +
        $"[{string.Join(",", (f.Operation.Values ?? []).Order(StringComparer.Ordinal))}] {f.Operation.Value} {f.Operation.IncludeObjectsWithNoValueSet ?? false}";

    private static ListCreateRequest Dynamic(string name, params ListFilter[] filters) =>
        new(name, CompaniesTypeId, "DYNAMIC", new ListFilterBranch("OR", [new ListFilterBranch("AND", [], filters)], []));

    private static ListFilter AnyOf(string property, params string[] values) =>
        new("PROPERTY", property, new ListFilterOperation("ENUMERATION", "IS_ANY_OF", Values: values));

    private static ListFilter IsTrue(string property) =>
        new("PROPERTY", property, new ListFilterOperation("BOOL", "IS_EQUAL_TO", Value: true));
}
