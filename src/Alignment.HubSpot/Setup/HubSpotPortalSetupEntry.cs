namespace Alignment.HubSpot.Setup;

/// <summary>One line of the setup report.</summary>
/// <param name="Name">Internal name of the group or property, or the list's name.</param>
/// <param name="Kind"><c>group</c>, <c>property</c> or <c>list</c>.</param>
/// <param name="Outcome">What was done.</param>
/// <param name="Detail">For a conflict or a list that differs: what differs and how to resolve it; else null.</param>
public sealed record HubSpotPortalSetupEntry(string Name, string Kind, HubSpotSetupOutcome Outcome, string? Detail = null)
{
    public override string ToString() => Detail is null ? $"{Kind} {Name}: {Outcome}" : $"{Kind} {Name}: {Outcome} ({Detail})";
}
