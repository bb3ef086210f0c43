namespace Alignment.HubSpot.Setup;

/// <summary>The report of <see cref="HubSpotPortalSetup.EnsureAsync"/>: one entry for the group, then one per property, then one per list.</summary>
public sealed record HubSpotPortalSetupResult(string ObjectType, IReadOnlyList<HubSpotPortalSetupEntry> Entries)
{
    public IEnumerable<HubSpotPortalSetupEntry> Created => Entries.Where(e => e.Outcome == HubSpotSetupOutcome.Created);

    public IEnumerable<HubSpotPortalSetupEntry> AlreadyPresent => Entries.Where(e => e.Outcome == HubSpotSetupOutcome.AlreadyPresent);

    public IEnumerable<HubSpotPortalSetupEntry> Conflicts => Entries.Where(e => e.Outcome == HubSpotSetupOutcome.Conflict);

    /// <summary>True when nothing conflicts (a CLI exits 0).</summary>
    public bool Succeeded => !Conflicts.Any();
}
