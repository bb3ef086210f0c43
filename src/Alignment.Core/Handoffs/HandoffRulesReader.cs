using System.Text.Json;
using Alignment.Core.Model;
using Alignment.Core.Signals;
using Alignment.Core.Tiers;

namespace Alignment.Core.Handoffs;

/// <summary>
/// Reads the <c>handoff</c> section of the model file (<c>{ "rules": [ ... ] }</c>) into <see cref="HandoffRules"/>,
/// reporting every problem with its JSON path (e.g. <c>$.handoff.rules[2].match.kinds[0]</c>). docs/handoff-sla.md
/// describes the section.
/// </summary>
public static class HandoffRulesReader
{
    private static readonly string[] TierNames = Enum.GetNames<Tier>();
    private static readonly string[] CategoryNames = [nameof(SignalCategory.Intent), nameof(SignalCategory.Engagement)];
    private static readonly string[] SeniorityNames = Enum.GetNames<Seniority>();
    private static readonly string[] KindNames = [.. Enum.GetNames<SignalKind>().Where(n => n != nameof(SignalKind.SalesTouch))];
    private static readonly string[] SectionNames = ["rules", "reentryCoolDownDays"];
    private static readonly string[] RuleNames = ["id", "tiers", "match", "allOf", "minFit", "minIntent"];
    private static readonly string[] MatchNames = ["kinds", "categories", "withinDays", "minCount", "minDistinctContacts", "sameSubject", "withinHoursOfEachOther", "minSeniority"];

    /// <summary>The rules, or null when <paramref name="errors"/> received at least one problem.</summary>
    public static HandoffRules? Read(JsonElement element, string path, ICollection<ModelError> errors) =>
        JsonReadContext.ReadInto(errors, context => Read(context, element, path));

    internal static HandoffRules? Read(JsonReadContext context, JsonElement element, string path)
    {
        var before = context.Errors.Length;
        if (ModelSection.Open(context, element, path, SectionNames, ("rules", "[{ \"id\": \"tier1-meeting\", \"tiers\": [\"Tier1\"], \"match\": { ... } }] (it may be empty: no handoffs)")) is not { } section)
        {
            return null;
        }

        var coolDownDays = section.Int("reentryCoolDownDays", 1, 365, "30");
        var rules = new List<HandoffRule>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (item, itemPath) in section.Array("rules", "[{ \"id\": \"tier1-meeting\", \"tiers\": [\"Tier1\"], \"match\": { ... } }]"))
        {
            if (section.Child(item, itemPath, RuleNames, ("id", "\"tier1-meeting\"")) is { } entry && ReadRule(entry, ids) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return context.Errors.Length > before
            ? null
            : new HandoffRules(rules, coolDownDays is { } days ? new HandoffLifecycle(TimeSpan.FromDays(days)) : null);
    }

    private static HandoffRule? ReadRule(ModelSection entry, HashSet<string> ids)
    {
        var id = entry.String("id", "\"tier1-meeting\"");
        if (id is not null && !ids.Add(id))
        {
            entry.Error(entry.PathOf("id"), $"rule id '{id}' is already used by an earlier rule; ids must be unique (case-insensitive).");
        }

        var tiers = new List<Tier>();
        foreach (var (text, tierPath) in entry.Strings("tiers", "[\"Tier1\", \"Tier2\"]"))
        {
            if (entry.OneOf(text, tierPath, TierNames, "tier") is not null)
            {
                tiers.Add(Enum.Parse<Tier>(text));
            }
        }

        var minFit = entry.Int("minFit", 0, 100, "60");
        var minIntent = entry.Int("minIntent", 0, 100, "50");
        // match AND every allOf pattern ("3+ email opens AND a pricing visit"); at least one pattern in all.
        var patterns = new List<HandoffMatch>();
        var patternsOk = true;
        if (entry.Object("match", MatchNames, ("withinDays", "7")) is { } block)
        {
            patternsOk &= ReadMatch(block) is { } match && Add(patterns, match);
        }

        if (entry.Has("allOf"))
        {
            foreach (var (item, itemPath) in entry.Array("allOf", "[{ \"kinds\": [\"EmailOpen\"], \"withinDays\": 14, \"minCount\": 3 }, { \"kinds\": [\"PricingPageView\"], \"withinDays\": 14 }]", nonEmpty: true))
            {
                patternsOk &= entry.Child(item, itemPath, MatchNames, ("withinDays", "7")) is { } part && ReadMatch(part) is { } match && Add(patterns, match);
            }
        }

        if (!entry.Has("match") && !entry.Has("allOf"))
        {
            entry.Error(entry.PathOf("match"), "required setting 'match' is missing (or 'allOf', a list of patterns that must all match); add it, e.g. \"match\": { \"kinds\": [\"MeetingBooked\"], \"withinDays\": 7 }.");
        }

        return patternsOk && patterns.Count > 0 && id is not null
            ? new HandoffRule(id, tiers, patterns, minFit, minIntent)
            : null;
    }

    private static bool Add(List<HandoffMatch> patterns, HandoffMatch match)
    {
        patterns.Add(match);
        return true;
    }

    private static HandoffMatch? ReadMatch(ModelSection block)
    {
        var before = block.Context.Errors.Length;
        var kinds = new List<SignalKind>();
        foreach (var (text, kindPath) in block.Strings("kinds", "[\"MeetingBooked\", \"DemoAttended\"]"))
        {
            if (!SignalKinds.TryParse(text, out var kind))
            {
                block.OneOf(text, kindPath, KindNames, "signal kind");
            }
            else if (kind == SignalKind.SalesTouch)
            {
                block.Error(kindPath, "SalesTouch answers an SLA and cannot trigger a handoff; remove it.");
            }
            else
            {
                kinds.Add(kind);
            }
        }

        var categories = new List<SignalCategory>();
        foreach (var (text, categoryPath) in block.Strings("categories", "[\"Engagement\", \"Intent\"]"))
        {
            if (block.OneOf(text, categoryPath, CategoryNames, "signal category") is not null)
            {
                categories.Add(Enum.Parse<SignalCategory>(text));
            }
        }

        if (block.Context.Errors.Length == before && kinds.Count == 0 && categories.Count == 0)
        {
            block.Error(block.Path, "a match needs at least one signal kind or category, e.g. \"kinds\": [\"MeetingBooked\"].");
        }

        var withinDays = block.Int("withinDays", 1, 365, "7");
        var minCount = block.Int("minCount", 1, 10_000, "3");
        var minContacts = block.Int("minDistinctContacts", 0, 10_000, "2");
        var sameSubject = block.Bool("sameSubject");
        var spreadHours = block.Number("withinHoursOfEachOther", 0, 24 * 365, "48");
        var minSeniority = block.OneOf("minSeniority", SeniorityNames, "seniority") is { } level && SeniorityTitles.TryParseLevel(level, out var parsed)
            ? parsed
            : (Seniority?)null;

        return block.Context.Errors.Length == before && withinDays is { } days
            ? new HandoffMatch(
                kinds,
                categories,
                TimeSpan.FromDays(days),
                minCount ?? 1,
                minContacts ?? 0,
                sameSubject ?? false,
                spreadHours is { } h ? TimeSpan.FromHours(h) : null,
                minSeniority)
            : null;
    }
}
