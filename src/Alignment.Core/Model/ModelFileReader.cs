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

        var root = ModelSection.Open(context, document.RootElement, "$", TopLevel,
            ("version", "\"2026.11.0\""), ("weights", "{ \"fit\": 0.4, \"intent\": 0.3, \"engagement\": 0.3 }"),
            ("fit", "{ \"cap\": 100, \"criteria\": [...] }"), ("intent", "{ \"windowDays\": 30, ... }"),
            ("engagement", "{ \"windowDays\": 90, ... }"), ("tiers", "{ \"Tier1\": 85, \"Tier2\": 65, \"Tier3\": 40, \"downgradeMargin\": 5 }"));
        if (root is null)
        {
            return ModelReadResult.Failure(context.Errors);
        }

        var version = root.String("version", "\"2026.11.0\"");
        var weights = root.Object("weights", WeightNames, ("fit", "0.4"), ("intent", "0.3"), ("engagement", "0.3")) is { } w ? ReadWeights(w) : null;
        var fit = root.Get("fit") is { } f ? FitSectionReader.Read(context, f, "$.fit") : null;
        var intent = root.Get("intent") is { } i ? SignalSectionReader.Read(context, i, "$.intent", SignalCategory.Intent) : null;
        var engagement = root.Get("engagement") is { } e ? SignalSectionReader.Read(context, e, "$.engagement", SignalCategory.Engagement) : null;
        var tiers = root.Object("tiers", TierNames, ("Tier1", "85"), ("Tier2", "65"), ("Tier3", "40"), ("downgradeMargin", "5")) is { } t ? ReadTiers(t) : null;
        var handoff = root.Get("handoff") is { } h ? HandoffRulesReader.Read(context, h, "$.handoff") : HandoffRules.Default;
        var sla = root.Get("sla") is { } s ? SlaPolicyReader.Read(context, s, "$.sla") : SlaPolicy.Default;
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

    private static ScoreWeights? ReadWeights(ModelSection section)
    {
        var before = section.Context.Errors.Length;
        var values = WeightNames.Select(name => section.Number(name, 0, 1, "0.4", allowMin: true)).ToArray();
        if (section.Context.Errors.Length > before || values is not [{ } fit, { } intent, { } engagement])
        {
            return null;
        }

        var sum = fit + intent + engagement;
        if (Math.Abs(sum - 1) > WeightTolerance)
        {
            section.Error(section.Path, $"the weights sum to {ModelSection.Format(sum)}; they must sum to 1, e.g. fit 0.4, intent 0.3, engagement 0.3.");
            return null;
        }

        return new ScoreWeights(fit, intent, engagement);
    }

    private static TierThresholds? ReadTiers(ModelSection section)
    {
        var before = section.Context.Errors.Length;
        var thresholds = TierNames[..3].Select(name => section.Int(name, 1, 100, "85")).ToArray();
        for (var n = 1; n < 3; n++)
        {
            if (thresholds[n] is { } lower && thresholds[n - 1] is { } higher && lower >= higher)
            {
                section.Error(section.PathOf(TierNames[n]),
                    $"{TierNames[n]} ({lower}) must be below {TierNames[n - 1]} ({higher}); thresholds must satisfy 100 ≥ Tier1 > Tier2 > Tier3 > 0, e.g. 85, 65, 40.");
            }
        }

        var margin = section.Int("downgradeMargin", 0, 100, "5") ?? 0;
        var dwell = section.Number("upgradeDwellHours", 0, 24 * 365, "0 (immediate)", allowMin: true) ?? 0;
        return thresholds is [{ } t1, { } t2, { } t3] && section.Context.Errors.Length == before
            ? new TierThresholds(t1, t2, t3, margin, dwell)
            : null;
    }

}
