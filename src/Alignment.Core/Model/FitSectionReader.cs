using System.Collections.Immutable;
using System.Text.Json;

namespace Alignment.Core.Model;

/// <summary>Reads and validates the <c>fit</c> section of a model file (docs/scoring-model.md).</summary>
internal static class FitSectionReader
{
    private static readonly string[] SectionNames = ["cap", "criteria"];
    private static readonly string[] NumericNames = ["id", "field", "bands"];
    private static readonly string[] CriterionNames = ["id", "field", "bands", "anyOf", "points"];
    private static readonly string[] BandNames = ["min", "max", "points"];
    private static readonly string[] FieldNames = ["employees", "annualRevenue", "industry", "country", "technologies"];
    private const string BandsExample = "[ { \"min\": 200, \"max\": 5000, \"points\": 30 } ]";

    public static FitModel? Read(JsonReadContext context, JsonElement element, string path)
    {
        if (ModelSection.Open(context, element, path, SectionNames, ("cap", "100"), ("criteria", "[ { \"id\": \"industry\", ... } ]")) is not { } section)
        {
            return null;
        }

        var before = context.Errors.Length;
        var cap = SignalSectionReader.ReadCap(section);
        var criteria = ImmutableArray.CreateBuilder<FitCriterion>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, itemPath) in section.Array("criteria", "[ { \"id\": \"industry\", \"field\": \"industry\", \"anyOf\": [\"Software\"], \"points\": 30 } ]"))
        {
            if (section.Child(item, itemPath, CriterionNames, ("id", "\"industry\""), ("field", "\"industry\"")) is { } entry
                && ReadCriterion(entry, ids) is { } criterion)
            {
                criteria.Add(criterion);
            }
        }

        return context.Errors.Length == before && cap is { } c ? new FitModel(c, criteria.ToImmutable()) : null;
    }

    private static FitCriterion? ReadCriterion(ModelSection entry, HashSet<string> ids)
    {
        var id = entry.String("id", "\"industry\"");
        if (id is not null && !ids.Add(id))
        {
            entry.Error(entry.PathOf("id"), $"criterion id '{id}' is used twice; give each criterion its own id.");
            id = null;
        }

        var fieldName = entry.OneOf("field", FieldNames, "field");
        if (id is null || fieldName is null)
        {
            return null;
        }

        var field = (FitField)Array.IndexOf(FieldNames, fieldName);
        return field is FitField.Employees or FitField.AnnualRevenue ? ReadNumeric(entry, id, field) : ReadText(entry, id, field);
    }

    private static FitCriterion? ReadNumeric(ModelSection entry, string id, FitField field)
    {
        var before = entry.Context.Errors.Length;
        foreach (var property in entry.Element.EnumerateObject())
        {
            if (Array.IndexOf(NumericNames, property.Name) < 0 && Array.IndexOf(CriterionNames, property.Name) >= 0)
            {
                entry.Error(entry.PathOf(property.Name),
                    $"'{property.Name}' does not apply to the numeric field '{FieldNames[(int)field]}'; give points per band in \"bands\".");
            }
        }

        entry.Expect(allowed: null, ("bands", BandsExample));
        var bands = new List<(FitBand Band, int Index)>();
        var index = 0;
        foreach (var (item, itemPath) in entry.Array("bands", BandsExample, nonEmpty: true))
        {
            if (entry.Child(item, itemPath, BandNames, ("min", "200"), ("points", "30")) is { } bandSection && ReadBand(bandSection) is { } band)
            {
                bands.Add((band, index));
            }

            index++;
        }

        if (entry.Context.Errors.Length > before)
        {
            return null;
        }

        var bandsPath = entry.PathOf("bands");
        var sorted = bands.OrderBy(b => b.Band.Min).ToList();
        for (var n = 1; n < sorted.Count; n++)
        {
            var (previous, previousIndex) = sorted[n - 1];
            var (current, currentIndex) = sorted[n];
            if (previous.Max is not { } max || current.Min < max)
            {
                var (laterIndex, earlierIndex, earlier) = previousIndex < currentIndex
                    ? (currentIndex, previousIndex, previous) : (previousIndex, currentIndex, current);
                entry.Error(JsonReadContext.Index(bandsPath, laterIndex),
                    $"this band overlaps the band at {JsonReadContext.Index(bandsPath, earlierIndex)} ({Describe(earlier)}); bands are min-inclusive and max-exclusive, so each band must start at or after the previous band's max.");
            }
        }

        return entry.Context.Errors.Length == before
            ? new FitCriterion { Id = id, Field = field, Bands = [.. sorted.Select(b => b.Band)] }
            : null;
    }

    private static FitBand? ReadBand(ModelSection band)
    {
        var before = band.Context.Errors.Length;
        var min = band.Number("min", "200");
        var max = band.Number("max", "5000");
        if (min is { } low && max is { } high && high <= low)
        {
            band.Error(band.PathOf("max"), $"max ({ModelSection.Format(high)}) must be greater than min ({ModelSection.Format(low)}); max is exclusive.");
        }

        var points = SignalSectionReader.Points(band, "points");
        return band.Context.Errors.Length == before && min is { } m && points is { } p ? new FitBand(m, max, p) : null;
    }

    private static FitCriterion? ReadText(ModelSection entry, string id, FitField field)
    {
        var before = entry.Context.Errors.Length;
        if (entry.Element.TryGetProperty("bands", out _))
        {
            entry.Error(entry.PathOf("bands"), $"'bands' does not apply to the text field '{FieldNames[(int)field]}'; use \"anyOf\": [...] and \"points\".");
        }

        entry.Expect(allowed: null, ("anyOf", "[\"Software\", \"Fintech\"]"), ("points", "30"));
        var values = entry.Strings("anyOf", "[\"Software\", \"Fintech\"]", nonEmpty: true).Select(v => v.Text).ToImmutableArray();
        var points = SignalSectionReader.Points(entry, "points");
        return entry.Context.Errors.Length == before && points is { } p
            ? new FitCriterion { Id = id, Field = field, AnyOf = values, Points = p }
            : null;
    }

    private static string Describe(FitBand band) =>
        $"[{ModelSection.Format(band.Min)}, {(band.Max is { } max ? ModelSection.Format(max) : "∞")})";
}
