namespace Alignment.Core.Accounts;

/// <summary>
/// The values of the rejection reason picklist (docs/handoff-sla.md, "Sales feedback"), the same API values on
/// Salesforce and HubSpot.
/// </summary>
public static class RejectionReasons
{
    public const string WrongTiming = "WrongTiming";
    public const string WrongContact = "WrongContact";
    public const string NotIcp = "NotIcp";
    public const string Duplicate = "Duplicate";
    public const string Other = "Other";

    public static IReadOnlyList<string> All { get; } = [WrongTiming, WrongContact, NotIcp, Duplicate, Other];

    /// <summary>The reason as stored, or <see cref="Other"/> for a value outside the picklist (a renamed or added value); null when empty.</summary>
    public static string? Normalize(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : All.FirstOrDefault(r => string.Equals(r, value.Trim(), StringComparison.OrdinalIgnoreCase)) ?? Other;
}
