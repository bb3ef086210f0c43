using System.Collections.Immutable;
using System.Text.Json;
using Alignment.Core.Signals;

namespace Alignment.Core.Model;

/// <summary>Reads and validates the <c>intent</c> and <c>engagement</c> sections of a model file (docs/scoring-model.md).</summary>
internal static class SignalSectionReader
{
    private static readonly string[] IntentNames = ["windowDays", "halfLifeDays", "cap", "points"];
    private static readonly string[] EngagementNames = ["windowDays", "halfLifeDays", "cap", "points", "contactBonus"];
    private static readonly string[] BonusNames = ["pointsPerContact", "max"];

    public static SignalScoreModel? Read(JsonReadContext context, JsonElement element, string path, SignalCategory category)
    {
        var isIntent = category == SignalCategory.Intent;
        var section = ModelSection.Open(context, element, path, isIntent ? IntentNames : EngagementNames,
            ("windowDays", isIntent ? "30" : "90"), ("halfLifeDays", isIntent ? "7" : "14"), ("cap", "100"),
            ("points", isIntent ? "{ \"PricingPageView\": 15 }" : "{ \"MeetingBooked\": 30 }"));
        if (section is null)
        {
            return null;
        }

        var before = context.Errors.Length;
        var window = section.Number("windowDays", 0, 36500, isIntent ? "30" : "90");
        var halfLife = section.Number("halfLifeDays", 0, 36500, isIntent ? "7" : "14");
        var cap = ReadCap(section);
        var points = section.Object("points", allowed: null) is { } block ? ReadPoints(block, category) : null;
        ContactBonus? bonus = null;
        if (!isIntent && section.Object("contactBonus", BonusNames, ("pointsPerContact", "10"), ("max", "30")) is { } bonusSection)
        {
            var perContact = Points(bonusSection, "pointsPerContact");
            var max = Points(bonusSection, "max");
            bonus = perContact is { } p && max is { } m ? new ContactBonus(p, m) : null;
        }

        return context.Errors.Length == before && window is { } w && halfLife is { } h && cap is { } c && points is not null
            ? new SignalScoreModel(w, h, c, points, bonus)
            : null;
    }

    /// <summary>A section's <c>cap</c>: the most points it gives, in (0, 100].</summary>
    public static double? ReadCap(ModelSection section) => section.Number("cap", 0, 100, "100");

    /// <summary>Points: a number, 0 or more (0 ignores the entry).</summary>
    public static double? Points(ModelSection section, string name)
    {
        var points = section.Number(name, "30");
        if (points < 0)
        {
            section.Error(section.PathOf(name), $"points cannot be negative (found {ModelSection.Format(points.Value)}); use 0 to ignore it, or remove the entry.");
            return null;
        }

        return points;
    }

    private static ImmutableDictionary<SignalKind, double>? ReadPoints(ModelSection block, SignalCategory category)
    {
        var before = block.Context.Errors.Length;
        var result = ImmutableDictionary.CreateBuilder<SignalKind, double>();
        foreach (var property in block.Element.EnumerateObject())
        {
            var itemPath = block.PathOf(property.Name);
            if (!SignalKinds.TryParse(property.Name, out var kind))
            {
                block.Error(itemPath, $"unknown signal kind '{property.Name}'; {Describe(category)} kinds are: {string.Join(", ", KindsOf(category))} (case-sensitive).");
                continue;
            }

            var actual = SignalKinds.CategoryOf(kind);
            if (actual != category)
            {
                var hint = actual == SignalCategory.SalesTouch
                    ? "SalesTouch is not scored (it answers an SLA); remove it."
                    : $"it is an {Describe(actual)} kind; move it to {Describe(actual)}.points.";
                block.Error(itemPath, $"'{property.Name}' does not belong in {Describe(category)}.points: {hint}");
                continue;
            }

            if (Points(block, property.Name) is { } points)
            {
                result[kind] = points;
            }
        }

        return block.Context.Errors.Length == before ? result.ToImmutable() : null;
    }

    private static string Describe(SignalCategory category) => category == SignalCategory.Intent ? "intent" : "engagement";

    private static IEnumerable<string> KindsOf(SignalCategory category) =>
        Enum.GetValues<SignalKind>().Where(k => SignalKinds.CategoryOf(k) == category).Select(k => k.ToString());
}
