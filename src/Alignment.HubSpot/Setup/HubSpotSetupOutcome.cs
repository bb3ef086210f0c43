namespace Alignment.HubSpot.Setup;

/// <summary>What <see cref="HubSpotPortalSetup"/> did with one group, property or list.</summary>
public enum HubSpotSetupOutcome
{
    Created,

    /// <summary>Already there with a compatible definition; left alone.</summary>
    AlreadyPresent,

    /// <summary>A property of that name exists with another type or missing options; reported, not overwritten.</summary>
    Conflict,

    /// <summary>A list of that name exists with other filters; reported and kept (not a failure).</summary>
    Differs,
}
