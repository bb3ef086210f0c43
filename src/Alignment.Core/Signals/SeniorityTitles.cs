using System.Text.RegularExpressions;

namespace Alignment.Core.Signals;

/// <summary>
/// Reads a <see cref="Seniority"/> from a contact's job title (Salesforce <c>Contact.Title</c>, HubSpot
/// <c>jobtitle</c>), the highest level a title names winning ("VP and Director of Sales" is a vice president).
/// The words each level looks for are in docs/handoff-sla.md ("Buying committee"); a blank title is unknown (null).
/// </summary>
public static partial class SeniorityTitles
{
    /// <summary>
    /// The signal with the level its contact's title names (<paramref name="titlesByContact"/>: contact id → job
    /// title); unchanged when it has no contact or the contact no title.
    /// </summary>
    public static Signal WithContactLevel(Signal signal, IReadOnlyDictionary<string, string>? titlesByContact) =>
        signal.ContactId is { } contact && titlesByContact is not null && titlesByContact.TryGetValue(contact, out var title)
            ? signal with { Seniority = Classify(title) }
            : signal;

    /// <summary>Parses a level's name exactly as the model and snapshot files spell it (case-sensitive; no numbers or lists).</summary>
    public static bool TryParseLevel(string? name, out Seniority level)
    {
        level = default;
        return Enum.GetNames<Seniority>().Contains(name, StringComparer.Ordinal) && Enum.TryParse(name, ignoreCase: false, out level);
    }

    /// <summary>The level a title names, or null when the title is empty.</summary>
    public static Seniority? Classify(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        // An assistant to an executive is not one; "Vice President" must not read as "President".
        if (Assistant().IsMatch(title))
        {
            return Seniority.Staff;
        }

        if (Executive().IsMatch(VicePresident().Replace(title, " ")))
        {
            return Seniority.Executive;
        }

        if (VicePresident().IsMatch(title) || HeadOf().IsMatch(title))
        {
            return Seniority.VicePresident;
        }

        if (Director().IsMatch(title))
        {
            return Seniority.Director;
        }

        return Manager().IsMatch(title) ? Seniority.Manager : Seniority.Staff;
    }

    [GeneratedRegex(@"\b(?:[SE]?VP|Vice[\s-]+President)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VicePresident();

    [GeneratedRegex(@"\b(?:assistant|secretary)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Assistant();

    [GeneratedRegex(@"\b(?:chief|C[EFOTIMRP]O|CISO|CHRO|founder|co-?founder|(?<!(?:product|process|data)\s+)owner|president|managing\s+director|general\s+partner)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Executive();

    [GeneratedRegex(@"\bhead\s+of\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadOf();

    [GeneratedRegex(@"\bdirector\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Director();

    [GeneratedRegex(@"\b(?:manager|supervisor|team\s+lead(?:er)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Manager();
}
