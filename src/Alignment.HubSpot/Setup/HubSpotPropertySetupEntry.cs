namespace Alignment.HubSpot.Setup;

/// <summary>One line of the setup report.</summary>
/// <param name="Name">Internal name of the group or property.</param>
/// <param name="Kind"><c>group</c> or <c>property</c>.</param>
/// <param name="Outcome">What was done.</param>
/// <param name="Detail">For a conflict: what differs and how to resolve it; else null.</param>
public sealed record HubSpotPropertySetupEntry(string Name, string Kind, HubSpotPropertyOutcome Outcome, string? Detail = null)
{
    public override string ToString() => Detail is null ? $"{Kind} {Name}: {Outcome}" : $"{Kind} {Name}: {Outcome} ({Detail})";
}
