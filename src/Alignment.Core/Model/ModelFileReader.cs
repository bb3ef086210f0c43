using System.Globalization;
using System.Text.Json;
using Alignment.Core.Handoffs;
using Alignment.Core.Signals;
using Alignment.Core.Sla;

namespace Alignment.Core.Model;

/// <summary>
/// Reads and validates a scoring model file (see <c>docs/scoring-model.md</c>). An invalid file yields every problem
/// found, each with the JSON path of the bad entry and how to fix it; it never throws for bad input.
/// </summary>
public static class ModelFileReader
{
    /// <summary>Sum of the weights may differ from 1 by at most this much.</summary>
    public const double WeightTolerance = 1e-9;

    // "$schema" names config/scoring.schema.json for editors (validation and completion); the reader ignores its value.
    private static readonly string[] TopLevel = ["version", "weights", "fit", "intent", "engagement", "tiers", "handoff", "sla", "$schema"];
    private static readonly string[] WeightNames = ["fit", "intent", "engagement"];
    private static readonly string[] TierNames = ["Tier1", "Tier2", "Tier3", "downgradeMargin", "upgradeDwellHours"];

    /// <summary>
    /// Parses <paramref name="json"/>. The optional top-level <c>handoff</c> and <c>sla</c> sections are read by
    /// <see cref="HandoffRulesReader"/> and <see cref="SlaPolicyReader"/>; when absent the defaults in docs/handoff-sla.md apply.
    /// </summary>
    public static ModelReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var context = new JsonReadContext();
        using var document = context.Parse(json, "model file");
        if (document is null)
        {
            return ModelReadResult.Failure(context.Errors);
        }

        var root = document.RootElement;
        if (!context.CheckObject(root, "$", TopLevel,
                ("version", "\"2026.11.0\""), ("weights", "{ \"fit\": 0.4, \"intent\": 0.3, \"engagement\": 0.3 }"),
                ("fit", "{ \"cap\": 100, \"criteria\": [...] }"), ("intent", "{ \"windowDays\": 30, ... }"),
                ("engagement", "{ \"windowDays\": 90, ... }"), ("tiers", "{ \"Tier1\": 85, \"Tier2\": 65, \"Tier3\": 40, \"downgradeMargin\": 5 }")))
        {
            return ModelReadResult.Failure(context.Errors);
        }

        string? version = null;
        if (root.TryGetProperty("version", out var versionElement) && context.TryGetString(versionElement, "$.version", out var v))
        {
            version = v;
        }

        var weights = root.TryGetProperty("weights", out var w) ? ReadWeights(context, w) : null;
        var fit = root.TryGetProperty("fit", out var f) ? FitSectionReader.Read(context, f, "$.fit") : null;
        var intent = root.TryGetProperty("intent", out var i)
            ? SignalSectionReader.Read(context, i, "$.intent", SignalCategory.Intent) : null;
        var engagement = root.TryGetProperty("engagement", out var e)
            ? SignalSectionReader.Read(context, e, "$.engagement", SignalCategory.Engagement) : null;
        var tiers = root.TryGetProperty("tiers", out var t) ? ReadTiers(context, t) : null;
        var sectionErrors = new List<ModelError>();
        var handoff = root.TryGetProperty("handoff", out var h) && h.ValueKind != JsonValueKind.Null
            ? HandoffRulesReader.Read(h, "$.handoff", sectionErrors) : HandoffRules.Default;
        var sla = root.TryGetProperty("sla", out var s) && s.ValueKind != JsonValueKind.Null
            ? SlaPolicyReader.Read(s, "$.sla", sectionErrors) : SlaPolicy.Default;
        foreach (var error in sectionErrors)
        {
            context.Error(error.Path, error.Message);
        }

        if (context.HasErrors || version is null || weights is null || fit is null || intent is null || engagement is null || tiers is null
            || handoff is null || sla is null)
        {
            return ModelReadResult.Failure(context.Errors);
        }

        return ModelReadResult.Success(new AlignmentModel
        {
            Version = version,
            Weights = weights,
            Fit = fit,
            Intent = intent,
            Engagement = engagement,
            Tiers = tiers,
            Handoff = handoff,
            Sla = sla,
        });
    }

    private static ScoreWeights? ReadWeights(JsonReadContext context, JsonElement element)
    {
        const string path = "$.weights";
        if (!context.CheckObject(element, path, WeightNames, ("fit", "0.4"), ("intent", "0.3"), ("engagement", "0.3")))
        {
            return null;
        }

        var values = new double[3];
        var ok = true;
        for (var n = 0; n < WeightNames.Length; n++)
        {
            var name = WeightNames[n];
            if (!element.TryGetProperty(name, out var item))
            {
                ok = false;
                continue;
            }

            var itemPath = JsonReadContext.Child(path, name);
            if (!context.TryGetNumber(item, itemPath, out values[n]))
            {
                ok = false;
            }
            else if (values[n] is < 0 or > 1)
            {
                context.Error(itemPath, $"a weight must be between 0 and 1 (found {Format(values[n])}).");
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        var sum = values[0] + values[1] + values[2];
        if (Math.Abs(sum - 1) > WeightTolerance)
        {
            context.Error(path, $"the weights sum to {Format(sum)}; they must sum to 1, e.g. fit 0.4, intent 0.3, engagement 0.3.");
            return null;
        }

        return new ScoreWeights(values[0], values[1], values[2]);
    }

    private static TierThresholds? ReadTiers(JsonReadContext context, JsonElement element)
    {
        const string path = "$.tiers";
        if (!context.CheckObject(element, path, TierNames, ("Tier1", "85"), ("Tier2", "65"), ("Tier3", "40"), ("downgradeMargin", "5")))
        {
            return null;
        }

        var thresholds = new int?[3];
        for (var n = 0; n < 3; n++)
        {
            var name = TierNames[n];
            var itemPath = JsonReadContext.Child(path, name);
            if (!element.TryGetProperty(name, out var item) || !context.TryGetInteger(item, itemPath, out var value))
            {
                continue;
            }

            if (value is <= 0 or > 100)
            {
                context.Error(itemPath, $"a tier threshold is a composite score in 1..100 (found {value}).");
                continue;
            }

            thresholds[n] = value;
        }

        for (var n = 1; n < 3; n++)
        {
            if (thresholds[n] is { } lower && thresholds[n - 1] is { } higher && lower >= higher)
            {
                context.Error(JsonReadContext.Child(path, TierNames[n]),
                    $"{TierNames[n]} ({lower}) must be below {TierNames[n - 1]} ({higher}); thresholds must satisfy 100 ≥ Tier1 > Tier2 > Tier3 > 0, e.g. 85, 65, 40.");
            }
        }

        var margin = 0;
        if (element.TryGetProperty("downgradeMargin", out var m) && context.TryGetInteger(m, "$.tiers.downgradeMargin", out margin) && margin is < 0 or > 100)
        {
            context.Error("$.tiers.downgradeMargin", $"the downgrade margin is in points, 0..100 (found {margin}); e.g. 5.");
        }

        double dwell = 0;
        if (element.TryGetProperty("upgradeDwellHours", out var d) && context.TryGetNumber(d, "$.tiers.upgradeDwellHours", out dwell) && dwell < 0)
        {
            context.Error("$.tiers.upgradeDwellHours", $"the upgrade dwell is in hours and cannot be negative (found {Format(dwell)}); 0 means immediate.");
        }

        return thresholds is [{ } t1, { } t2, { } t3] && !context.HasErrors
            ? new TierThresholds(t1, t2, t3, margin, dwell)
            : null;
    }

    internal static string Format(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
