namespace Alignment.HubSpot.Setup;

/// <summary>The report of <see cref="HubSpotPropertySetup.EnsureAsync"/>: one entry for the group, then one per property, then one per list.</summary>
public sealed record HubSpotPropertySetupResult(string ObjectType, IReadOnlyList<HubSpotPropertySetupEntry> Entries)
{
    public IEnumerable<HubSpotPropertySetupEntry> Created => Entries.Where(e => e.Outcome == HubSpotPropertyOutcome.Created);

    public IEnumerable<HubSpotPropertySetupEntry> AlreadyPresent => Entries.Where(e => e.Outcome == HubSpotPropertyOutcome.AlreadyPresent);

    public IEnumerable<HubSpotPropertySetupEntry> Conflicts => Entries.Where(e => e.Outcome == HubSpotPropertyOutcome.Conflict);

    /// <summary>True when nothing conflicts (a CLI exits 0).</summary>
    public bool Succeeded => !Conflicts.Any();
}
