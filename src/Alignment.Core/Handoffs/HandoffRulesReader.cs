using System.Text.Json;
using Alignment.Core.Model;
using Alignment.Core.Signals;
using Alignment.Core.Sla;
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

    /// <summary>The rules, or null when <paramref name="errors"/> received at least one problem.</summary>
    public static HandoffRules? Read(JsonElement element, string path, ICollection<ModelError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        if (ModelSection.Open(element, path, errors) is not { } section)
        {
            return null;
        }

        section.RejectUnknown("rules", "reentryCoolDownDays");
        var coolDownDays = section.Int("reentryCoolDownDays", 1, 365, "30");
        if (section.Get("rules") is null)
        {
            section.Error(section.PathOf("rules"), "A list of rules is required (it may be empty: no handoffs), e.g. [{ \"id\": \"tier1-meeting\", ... }].");
        }

        var rules = new List<HandoffRule>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (item, itemPath) in section.Array("rules", "[{ \"id\": \"tier1-meeting\", \"tiers\": [\"Tier1\"], \"match\": { ... } }]"))
        {
            if (section.Child(item, itemPath) is { } entry && ReadRule(entry, ids) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return errors.Count > before
            ? null
            : new HandoffRules(rules, coolDownDays is { } days ? new HandoffLifecycle(TimeSpan.FromDays(days)) : null);
    }

    private static HandoffRule? ReadRule(ModelSection entry, HashSet<string> ids)
    {
        entry.RejectUnknown("id", "tiers", "match", "allOf", "minFit", "minIntent");
        var id = entry.String("id", "\"tier1-meeting\"");
        if (string.IsNullOrWhiteSpace(id))
        {
            if (entry.Get("id") is null or { ValueKind: JsonValueKind.String })
            {
                entry.Error(entry.PathOf("id"), "A non-empty rule id is required, e.g. \"tier1-meeting\".");
            }
        }
        else if (!ids.Add(id))
        {
            entry.Error(entry.PathOf("id"), $"Rule id '{id}' is already used by an earlier rule; ids must be unique.");
        }

        var tiers = new List<Tier>();
        foreach (var (text, tierPath) in entry.Strings("tiers", "[\"Tier1\", \"Tier2\"]"))
        {
            if (TierNames.Contains(text, StringComparer.Ordinal))
            {
                tiers.Add(Enum.Parse<Tier>(text));
            }
            else
            {
                entry.Error(tierPath, $"Unknown tier '{text}'; expected one of: {string.Join(", ", TierNames)}.");
            }
        }

        var minFit = entry.Int("minFit", 0, 100, "60");
        var minIntent = entry.Int("minIntent", 0, 100, "50");
        // match AND every allOf pattern ("3+ email opens AND a pricing visit"); at least one pattern in all.
        var patterns = new List<HandoffMatch>();
        var patternsOk = true;
        if (entry.Object("match") is { } block)
        {
            patternsOk &= ReadMatch(block) is { } match && Add(patterns, match);
        }
        else if (entry.Get("match") is not null)
        {
            patternsOk = false;
        }

        if (entry.Get("allOf") is { } allOf)
        {
            var count = 0;
            foreach (var (item, itemPath) in entry.Array("allOf", "[{ \"kinds\": [\"EmailOpen\"], \"withinDays\": 14, \"minCount\": 3 }, { \"kinds\": [\"PricingPageView\"], \"withinDays\": 14 }]"))
            {
                count++;
                patternsOk &= entry.Child(item, itemPath) is { } part && ReadMatch(part) is { } match && Add(patterns, match);
            }

            if (count == 0 && allOf.ValueKind == JsonValueKind.Array)
            {
                entry.Error(entry.PathOf("allOf"), "allOf needs at least one pattern; remove it or list the patterns that must all match.");
                patternsOk = false;
            }
        }

        if (entry.Get("match") is null && entry.Get("allOf") is null)
        {
            entry.Error(entry.PathOf("match"), "A match (or allOf, a list of patterns that must all match) is required, e.g. { \"kinds\": [\"MeetingBooked\"], \"withinDays\": 7 }.");
            patternsOk = false;
        }

        return patternsOk && patterns.Count > 0 && !string.IsNullOrWhiteSpace(id)
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
        block.RejectUnknown("kinds", "categories", "withinDays", "minCount", "minDistinctContacts", "sameSubject", "withinHoursOfEachOther", "minSeniority");
        var ok = true;
        var kinds = new List<SignalKind>();
        foreach (var (text, kindPath) in block.Strings("kinds", "[\"MeetingBooked\", \"DemoAttended\"]"))
        {
            if (!SignalKinds.TryParse(text, out var kind))
            {
                block.Error(kindPath, $"Unknown signal kind '{text}'; expected one of: {string.Join(", ", Enum.GetNames<SignalKind>().Where(n => n != nameof(SignalKind.SalesTouch)))}.");
                ok = false;
            }
            else if (kind == SignalKind.SalesTouch)
            {
                block.Error(kindPath, "SalesTouch answers an SLA and cannot trigger a handoff.");
                ok = false;
            }
            else
            {
                kinds.Add(kind);
            }
        }

        var categories = new List<SignalCategory>();
        foreach (var (text, categoryPath) in block.Strings("categories", "[\"Engagement\", \"Intent\"]"))
        {
            if (CategoryNames.Contains(text, StringComparer.Ordinal))
            {
                categories.Add(Enum.Parse<SignalCategory>(text));
            }
            else
            {
                block.Error(categoryPath, $"Unknown signal category '{text}'; expected one of: {string.Join(", ", CategoryNames)}.");
                ok = false;
            }
        }

        if (ok && kinds.Count == 0 && categories.Count == 0)
        {
            block.Error(block.Path, "A match needs at least one signal kind or category, e.g. \"kinds\": [\"MeetingBooked\"].");
            ok = false;
        }

        var withinDays = block.Int("withinDays", 1, 365, "7");
        if (withinDays is null && block.Get("withinDays") is null)
        {
            block.Error(block.PathOf("withinDays"), "A look-back window in days is required, e.g. 7.");
        }

        var minCount = block.Int("minCount", 1, 10_000, "3");
        var minContacts = block.Int("minDistinctContacts", 0, 10_000, "2");
        var sameSubject = block.Bool("sameSubject");
        var spreadHours = block.Number("withinHoursOfEachOther", 0, 24 * 365, "48");
        Seniority? minSeniority = null;
        if (block.Get("minSeniority") is not null && block.String("minSeniority", "\"Director\"") is { } level)
        {
            if (SeniorityTitles.TryParseLevel(level, out var parsed))
            {
                minSeniority = parsed;
            }
            else
            {
                block.Error(block.PathOf("minSeniority"), $"Unknown seniority '{level}'; expected one of: {string.Join(", ", SeniorityNames)}.");
                ok = false;
            }
        }

        return ok && withinDays is { } days
            && (block.Get("minCount") is null || minCount is not null)
            && (block.Get("minDistinctContacts") is null || minContacts is not null)
            && (block.Get("sameSubject") is null || sameSubject is not null)
            && (block.Get("withinHoursOfEachOther") is null || spreadHours is not null)
            && (block.Get("minSeniority") is null || minSeniority is not null)
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
