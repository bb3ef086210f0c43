namespace Alignment.Sync.Crm;

/// <summary>The stored names of <see cref="CrmKind"/> values (what <see cref="ICrm.Name"/> returns for each adapter).</summary>
public static class CrmKinds
{
    public const string SalesforceName = "salesforce";
    public const string HubSpotName = "hubspot";

    /// <summary>The lower-case name stored and shown for a CRM.</summary>
    public static string Name(CrmKind kind) => kind switch
    {
        CrmKind.Salesforce => SalesforceName,
        CrmKind.HubSpot => HubSpotName,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown CRM."),
    };

    /// <summary>The CRM a stored name names (case-insensitive); false for any other name (a test CRM, say).</summary>
    public static bool TryParse(string? name, out CrmKind kind)
    {
        foreach (var candidate in Enum.GetValues<CrmKind>())
        {
            if (string.Equals(name, Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
