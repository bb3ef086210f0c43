namespace Alignment.Core.Signals;

/// <summary>
/// How senior the contact behind a signal is, classified from the contact's job title by
/// <see cref="SeniorityTitles.Classify"/> (docs/handoff-sla.md, "Buying committee"). Ordered: a rule's
/// <c>minSeniority</c> counts signals at that level or above.
/// </summary>
public enum Seniority
{
    /// <summary>A title that names none of the levels below (analyst, engineer, specialist…).</summary>
    Staff = 1,

    /// <summary>Manager, team lead, supervisor.</summary>
    Manager = 2,

    /// <summary>Director, senior director.</summary>
    Director = 3,

    /// <summary>Vice president (VP, SVP, EVP) or head of a function.</summary>
    VicePresident = 4,

    /// <summary>C-level (chief …, CEO, CFO…), founder, owner, president, managing director.</summary>
    Executive = 5,
}
