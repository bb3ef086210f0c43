using System.Collections.Immutable;
using System.Text.Json;
using Alignment.Core.Signals;

namespace Alignment.Core.Model;

/// <summary>Reads and validates the <c>intent</c> and <c>engagement</c> sections of a model file.</summary>
internal static class SignalSectionReader
{
    private static readonly string[] IntentNames = ["windowDays", "halfLifeDays", "cap", "points"];
    private static readonly string[] EngagementNames = ["windowDays", "halfLifeDays", "cap", "points", "contactBonus"];
    private static readonly string[] BonusNames = ["pointsPerContact", "max"];

    public static SignalScoreModel? Read(JsonReadContext context, JsonElement element, string path, SignalCategory category)
    {
        var isIntent = category == SignalCategory.Intent;
        if (!context.CheckObject(element, path, isIntent ? IntentNames : EngagementNames,
                ("windowDays", isIntent ? "30" : "90"), ("halfLifeDays", isIntent ? "7" : "14"), ("cap", "100"),
                ("points", isIntent ? "{ \"PricingPageView\": 15 }" : "{ \"MeetingBooked\": 30 }")))
        {
            return null;
        }

        var errorsBefore = context.Errors.Length;
        var window = ReadPositive(context, element, path, "windowDays", "days");
        var halfLife = ReadPositive(context, element, path, "halfLifeDays", "days");
        var cap = ReadCap(context, element, path);
        var points = element.TryGetProperty("points", out var p) ? ReadPoints(context, p, JsonReadContext.Child(path, "points"), category) : null;
        ContactBonus? bonus = null;
        if (!isIntent && element.TryGetProperty("contactBonus", out var b))
        {
            bonus = ReadBonus(context, b, JsonReadContext.Child(path, "contactBonus"));
        }

        return context.Errors.Length == errorsBefore && window is { } w && halfLife is { } h && cap is { } c && points is not null
            ? new SignalScoreModel(w, h, c, points, bonus)
            : null;
    }

    public static double? ReadCap(JsonReadContext context, JsonElement element, string path)
    {
        if (!element.TryGetProperty("cap", out var item) || !context.TryGetNumber(item, JsonReadContext.Child(path, "cap"), out var cap))
        {
            return null;
        }

        if (cap is <= 0 or > 100)
        {
            context.Error(JsonReadContext.Child(path, "cap"), $"a cap must be greater than 0 and at most 100 (found {ModelFileReader.Format(cap)}); e.g. 100.");
            return null;
        }

        return cap;
    }

    public static bool TryGetPoints(JsonReadContext context, JsonElement element, string path, out double points)
    {
        if (!context.TryGetNumber(element, path, out points))
        {
            return false;
        }

        if (points < 0)
        {
            context.Error(path, $"points cannot be negative (found {ModelFileReader.Format(points)}); use 0 to ignore it, or remove the entry.");
            return false;
        }

        return true;
    }

    private static double? ReadPositive(JsonReadContext context, JsonElement element, string path, string name, string unit)
    {
        var itemPath = JsonReadContext.Child(path, name);
        if (!element.TryGetProperty(name, out var item) || !context.TryGetNumber(item, itemPath, out var value))
        {
            return null;
        }

        if (value <= 0 || value > 36500)
        {
            context.Error(itemPath, $"{name} is in {unit} and must be greater than 0 (and at most 36500) (found {ModelFileReader.Format(value)}).");
            return null;
        }

        return value;
    }

    private static ImmutableDictionary<SignalKind, double>? ReadPoints(JsonReadContext context, JsonElement element, string path, SignalCategory category)
    {
        if (!context.CheckObject(element, path, allowed: null))
        {
            return null;
        }

        var errorsBefore = context.Errors.Length;
        var result = ImmutableDictionary.CreateBuilder<SignalKind, double>();
        foreach (var property in element.EnumerateObject())
        {
            var itemPath = JsonReadContext.Child(path, property.Name);
            if (!SignalKinds.TryParse(property.Name, out var kind))
            {
                context.Error(itemPath, $"unknown signal kind '{property.Name}'; {Describe(category)} kinds are: {string.Join(", ", KindsOf(category))} (case-sensitive).");
                continue;
            }

            var actual = SignalKinds.CategoryOf(kind);
            if (actual != category)
            {
                var hint = actual == SignalCategory.SalesTouch
                    ? "SalesTouch is not scored (it answers an SLA); remove it."
                    : $"it is an {Describe(actual)} kind; move it to {Describe(actual)}.points.";
                context.Error(itemPath, $"'{property.Name}' does not belong in {Describe(category)}.points: {hint}");
                continue;
            }

            if (TryGetPoints(context, property.Value, itemPath, out var points))
            {
                result[kind] = points;
            }
        }

        return context.Errors.Length == errorsBefore ? result.ToImmutable() : null;
    }

    private static ContactBonus? ReadBonus(JsonReadContext context, JsonElement element, string path)
    {
        if (!context.CheckObject(element, path, BonusNames, ("pointsPerContact", "10"), ("max", "30")))
        {
            return null;
        }

        var errorsBefore = context.Errors.Length;
        double perContact = 0, max = 0;
        if (element.TryGetProperty("pointsPerContact", out var p))
        {
            TryGetPoints(context, p, JsonReadContext.Child(path, "pointsPerContact"), out perContact);
        }

        if (element.TryGetProperty("max", out var m))
        {
            TryGetPoints(context, m, JsonReadContext.Child(path, "max"), out max);
        }

        return context.Errors.Length == errorsBefore ? new ContactBonus(perContact, max) : null;
    }

    private static string Describe(SignalCategory category) => category == SignalCategory.Intent ? "intent" : "engagement";

    private static IEnumerable<string> KindsOf(SignalCategory category) =>
        Enum.GetValues<SignalKind>().Where(k => SignalKinds.CategoryOf(k) == category).Select(k => k.ToString());
}
