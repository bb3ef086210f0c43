using Alignment.Core.Signals;

namespace Alignment.Sandbox.Generation;

/// <summary>
/// A job title for each seniority, written on the emulators' contacts so that the adapters read the level back from a
/// title as they do from a real CRM (<see cref="SeniorityTitles.Classify"/> of each title is its level; tested).
/// </summary>
public static class SeededTitles
{
    public static string For(Seniority seniority) => seniority switch
    {
        Seniority.Executive => "Chief Revenue Officer",
        Seniority.VicePresident => "VP of Sales",
        Seniority.Director => "Director of Marketing Operations",
        Seniority.Manager => "Demand Generation Manager",
        Seniority.Staff => "Sales Operations Analyst",
        _ => throw new ArgumentOutOfRangeException(nameof(seniority), seniority, "Unknown seniority."),
    };
}
