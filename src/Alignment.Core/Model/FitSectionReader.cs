using System.Collections.Immutable;
using System.Text.Json;

namespace Alignment.Core.Model;

/// <summary>Reads and validates the <c>fit</c> section of a model file.</summary>
internal static class FitSectionReader
{
    private static readonly string[] SectionNames = ["cap", "criteria"];
    private static readonly string[] NumericNames = ["id", "field", "bands"];
    private static readonly string[] TextNames = ["id", "field", "anyOf", "points"];
    private static readonly string[] CriterionNames = ["id", "field", "bands", "anyOf", "points"];
    private static readonly string[] BandNames = ["min", "max", "points"];
    private static readonly string[] FieldNames = ["employees", "annualRevenue", "industry", "country", "technologies"];

    public static FitModel? Read(JsonReadContext context, JsonElement element, string path)
    {
        if (!context.CheckObject(element, path, SectionNames, ("cap", "100"), ("criteria", "[ { \"id\": \"industry\", ... } ]")))
        {
            return null;
        }

        var errorsBefore = context.Errors.Length;
        var cap = SignalSectionReader.ReadCap(context, element, path);
        var criteria = ImmutableArray.CreateBuilder<FitCriterion>();
        if (element.TryGetProperty("criteria", out var list))
        {
            var listPath = JsonReadContext.Child(path, "criteria");
            if (list.ValueKind != JsonValueKind.Array)
            {
                context.Error(listPath, $"expected an array of criteria [ ... ], found {JsonReadContext.KindOf(list.ValueKind)}.");
            }
            else
            {
                var ids = new HashSet<string>(StringComparer.Ordinal);
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var criterion = ReadCriterion(context, item, JsonReadContext.Index(listPath, index), ids);
                    if (criterion is not null)
                    {
                        criteria.Add(criterion);
                    }

                    index++;
                }
            }
        }

        return context.Errors.Length == errorsBefore && cap is { } c ? new FitModel(c, criteria.ToImmutable()) : null;
    }

    private static FitCriterion? ReadCriterion(JsonReadContext context, JsonElement element, string path, HashSet<string> ids)
    {
        if (!context.CheckObject(element, path, CriterionNames, ("id", "\"industry\""), ("field", "\"industry\"")))
        {
            return null;
        }

        string? id = null;
        if (element.TryGetProperty("id", out var idElement) && context.TryGetString(idElement, JsonReadContext.Child(path, "id"), out var idText))
        {
            if (ids.Add(idText))
            {
                id = idText;
            }
            else
            {
                context.Error(JsonReadContext.Child(path, "id"), $"criterion id '{idText}' is used twice; give each criterion its own id.");
            }
        }

        FitField? field = null;
        var fieldPath = JsonReadContext.Child(path, "field");
        if (element.TryGetProperty("field", out var fieldElement) && context.TryGetString(fieldElement, fieldPath, out var fieldText))
        {
            var at = Array.IndexOf(FieldNames, fieldText);
            if (at < 0)
            {
                context.Error(fieldPath, $"unknown field '{fieldText}'; fit criteria may test: {string.Join(", ", FieldNames)}.");
            }
            else
            {
                field = (FitField)at;
            }
        }

        if (id is null || field is not { } f)
        {
            return null;
        }

        return f is FitField.Employees or FitField.AnnualRevenue
            ? ReadNumeric(context, element, path, id, f)
            : ReadText(context, element, path, id, f);
    }

    private static FitCriterion? ReadNumeric(JsonReadContext context, JsonElement element, string path, string id, FitField field)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(NumericNames, property.Name) < 0 && Array.IndexOf(CriterionNames, property.Name) >= 0)
            {
                context.Error(JsonReadContext.Child(path, property.Name),
                    $"'{property.Name}' does not apply to the numeric field '{FieldNames[(int)field]}'; give points per band in \"bands\".");
            }
        }

        var bandsPath = JsonReadContext.Child(path, "bands");
        if (!element.TryGetProperty("bands", out var list))
        {
            context.Error(bandsPath, "required setting 'bands' is missing; add it, e.g. \"bands\": [ { \"min\": 200, \"max\": 5000, \"points\": 30 } ].");
            return null;
        }

        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            context.Error(bandsPath, "expected a non-empty array of bands, e.g. [ { \"min\": 200, \"max\": 5000, \"points\": 30 } ].");
            return null;
        }

        var bands = new List<(FitBand Band, int Index)>();
        var index = 0;
        var ok = true;
        foreach (var item in list.EnumerateArray())
        {
            var band = ReadBand(context, item, JsonReadContext.Index(bandsPath, index++));
            if (band is null)
            {
                ok = false;
            }
            else
            {
                bands.Add((band, index - 1));
            }
        }

        if (!ok)
        {
            return null;
        }

        var sorted = bands.OrderBy(b => b.Band.Min).ToList();
        for (var n = 1; n < sorted.Count; n++)
        {
            var (previous, previousIndex) = sorted[n - 1];
            var (current, currentIndex) = sorted[n];
            if (previous.Max is not { } max || current.Min < max)
            {
                var (laterIndex, earlierIndex, earlier) = previousIndex < currentIndex
                    ? (currentIndex, previousIndex, previous) : (previousIndex, currentIndex, current);
                context.Error(JsonReadContext.Index(bandsPath, laterIndex),
                    $"this band overlaps the band at {JsonReadContext.Index(bandsPath, earlierIndex)} ({Describe(earlier)}); bands are min-inclusive and max-exclusive, so each band must start at or after the previous band's max.");
                ok = false;
            }
        }

        return ok
            ? new FitCriterion { Id = id, Field = field, Bands = [.. sorted.Select(b => b.Band)] }
            : null;
    }

    private static FitBand? ReadBand(JsonReadContext context, JsonElement element, string path)
    {
        if (!context.CheckObject(element, path, BandNames, ("min", "200"), ("points", "30")))
        {
            return null;
        }

        var errorsBefore = context.Errors.Length;
        double min = 0, points = 0;
        double? max = null;
        var hasMin = element.TryGetProperty("min", out var minElement) && context.TryGetNumber(minElement, JsonReadContext.Child(path, "min"), out min);
        if (element.TryGetProperty("max", out var maxElement) && maxElement.ValueKind != JsonValueKind.Null
            && context.TryGetNumber(maxElement, JsonReadContext.Child(path, "max"), out var maxValue))
        {
            max = maxValue;
            if (hasMin && maxValue <= min)
            {
                context.Error(JsonReadContext.Child(path, "max"), $"max ({ModelFileReader.Format(maxValue)}) must be greater than min ({ModelFileReader.Format(min)}); max is exclusive.");
            }
        }

        if (element.TryGetProperty("points", out var pointsElement))
        {
            SignalSectionReader.TryGetPoints(context, pointsElement, JsonReadContext.Child(path, "points"), out points);
        }

        return context.Errors.Length == errorsBefore ? new FitBand(min, max, points) : null;
    }

    private static FitCriterion? ReadText(JsonReadContext context, JsonElement element, string path, string id, FitField field)
    {
        var errorsBefore = context.Errors.Length;
        if (element.TryGetProperty("bands", out _))
        {
            context.Error(JsonReadContext.Child(path, "bands"),
                $"'bands' does not apply to the text field '{FieldNames[(int)field]}'; use \"anyOf\": [...] and \"points\".");
        }

        var anyOfPath = JsonReadContext.Child(path, "anyOf");
        var values = ImmutableArray.CreateBuilder<string>();
        if (!element.TryGetProperty("anyOf", out var list))
        {
            context.Error(anyOfPath, "required setting 'anyOf' is missing; add it, e.g. \"anyOf\": [\"Software\", \"Fintech\"].");
        }
        else if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            context.Error(anyOfPath, "expected a non-empty array of strings, e.g. [\"Software\", \"Fintech\"].");
        }
        else
        {
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (context.TryGetString(item, JsonReadContext.Index(anyOfPath, index++), out var text))
                {
                    values.Add(text);
                }
            }
        }

        double points = 0;
        if (!element.TryGetProperty("points", out var pointsElement))
        {
            context.Error(JsonReadContext.Child(path, "points"), "required setting 'points' is missing; add it, e.g. \"points\": 30.");
        }
        else
        {
            SignalSectionReader.TryGetPoints(context, pointsElement, JsonReadContext.Child(path, "points"), out points);
        }

        return context.Errors.Length == errorsBefore
            ? new FitCriterion { Id = id, Field = field, AnyOf = values.ToImmutable(), Points = points }
            : null;
    }

    private static string Describe(FitBand band) =>
        $"[{ModelFileReader.Format(band.Min)}, {(band.Max is { } max ? ModelFileReader.Format(max) : "∞")})";
}
