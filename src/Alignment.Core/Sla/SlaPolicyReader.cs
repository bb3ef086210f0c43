using System.Globalization;
using System.Text.Json;
using Alignment.Core.Calendar;
using Alignment.Core.Model;
using Alignment.Core.Tiers;

namespace Alignment.Core.Sla;

/// <summary>
/// Reads the <c>sla</c> section of the model file into an <see cref="SlaPolicy"/>. Every property is optional and
/// defaults to <see cref="SlaPolicy.Default"/>; every problem is reported with its JSON path (e.g.
/// <c>$.sla.hours[0].days[2]</c>). docs/handoff-sla.md describes the section.
/// </summary>
public static class SlaPolicyReader
{
    private static readonly string[] Names = ["defaultTimeZone", "hours", "holidays", "deadlines", "atRiskShare", "escalateAfterBusinessHours", "recycleAfterBusinessDays"];
    private static readonly string[] HoursNames = ["days", "open", "close"];
    private static readonly string[] DayNames = Enum.GetNames<DayOfWeek>();
    private static readonly string[] TierNames = Enum.GetNames<Tier>();
    private static readonly string[] RuleNames = ["endOfBusinessDay", "businessHours"];
    private const string HoursExample = "[{ \"days\": [\"Monday\"], \"open\": \"09:00\", \"close\": \"17:00\" }]";

    /// <summary>The policy, or null when <paramref name="errors"/> received at least one problem.</summary>
    public static SlaPolicy? Read(JsonElement element, string path, ICollection<ModelError> errors) =>
        JsonReadContext.ReadInto(errors, context => Read(context, element, path));

    internal static SlaPolicy? Read(JsonReadContext context, JsonElement element, string path)
    {
        var before = context.Errors.Length;
        if (ModelSection.Open(context, element, path, Names) is not { } section)
        {
            return null;
        }

        var defaults = SlaPolicy.Default;
        var zone = section.String("defaultTimeZone", "\"America/New_York\"") ?? defaults.DefaultTimeZone;
        if (!TimeZones.TryFind(zone, out _, out var zoneError))
        {
            section.Error(section.PathOf("defaultTimeZone"), zoneError);
        }

        var hours = section.Has("hours") ? ReadHours(section) : defaults.Hours;
        var holidays = ReadHolidays(section);
        var deadlines = ReadDeadlines(section, defaults);
        var atRiskShare = section.Number("atRiskShare", 0, 1, "0.75") ?? defaults.AtRiskShare;
        var escalateAfter = section.Number("escalateAfterBusinessHours", 0, 24 * 365, "4", allowMin: true) is { } escalateHours
            ? TimeSpan.FromHours(escalateHours)
            : defaults.EscalateAfter;
        var recycleAfter = section.Int("recycleAfterBusinessDays", 1, 365, "10") ?? defaults.RecycleAfterBusinessDays;

        return context.Errors.Length > before || hours is null
            ? null
            : new SlaPolicy(zone, hours, holidays, deadlines, atRiskShare, escalateAfter, recycleAfter);
    }

    private static WeeklyHours? ReadHours(ModelSection section)
    {
        var days = new Dictionary<DayOfWeek, BusinessHours>();
        var entries = section.Array("hours", HoursExample);
        if (entries.Count == 0 && section.Get("hours") is { ValueKind: JsonValueKind.Array })
        {
            section.Error(section.PathOf("hours"), $"at least one weekday must have hours, e.g. {HoursExample}.");
        }

        foreach (var (item, itemPath) in entries)
        {
            if (section.Child(item, itemPath, HoursNames, ("days", "[\"Monday\"]"), ("open", "\"09:00\""), ("close", "\"17:00\"")) is not { } entry)
            {
                continue;
            }

            var open = entry.Time("open", "\"09:00\"");
            var close = entry.Time("close", "\"17:00\"");
            if (open is { } o && close is { } c && o >= c)
            {
                entry.Error(entry.PathOf("close"), $"the closing time {c:HH:mm} must be after the opening time {o:HH:mm} on the same day.");
            }

            foreach (var (name, dayPath) in entry.Strings("days", "[\"Monday\", \"Tuesday\"]", nonEmpty: true))
            {
                if (entry.OneOf(name, dayPath, DayNames, "weekday") is null)
                {
                    continue;
                }

                var day = Enum.Parse<DayOfWeek>(name);
                if (days.ContainsKey(day))
                {
                    entry.Error(dayPath, $"{name} already has hours; give each weekday once.");
                }
                else if (open is { } opens && close is { } closes && opens < closes)
                {
                    days[day] = new BusinessHours(opens, closes);
                }
            }
        }

        return days.Count == 0 ? null : new WeeklyHours(days);
    }

    private static List<DateOnly> ReadHolidays(ModelSection section)
    {
        var holidays = new List<DateOnly>();
        foreach (var (text, itemPath) in section.Strings("holidays", "[\"2026-12-25\"]"))
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                holidays.Add(date);
            }
            else
            {
                section.Error(itemPath, $"expected a local date as yyyy-MM-dd, found '{text}'; e.g. \"2026-12-25\".");
            }
        }

        return holidays;
    }

    private static Dictionary<Tier, SlaDeadline> ReadDeadlines(ModelSection section, SlaPolicy defaults)
    {
        var deadlines = Enum.GetValues<Tier>().ToDictionary(t => t, t => defaults.DeadlineFor(t));
        if (section.Object("deadlines", TierNames) is not { } block)
        {
            return deadlines;
        }

        foreach (var tier in Enum.GetValues<Tier>())
        {
            if (block.Object(tier.ToString(), allowed: null, ("rule", "\"businessHours\"")) is { } entry && ReadDeadline(entry) is { } deadline)
            {
                deadlines[tier] = deadline;
            }
        }

        return deadlines;
    }

    private static SlaDeadline? ReadDeadline(ModelSection entry)
    {
        switch (entry.OneOf("rule", RuleNames, "deadline rule"))
        {
            case "endOfBusinessDay":
                entry.Expect(["rule", "sameDayBefore"], ("sameDayBefore", "\"15:00\""));
                return entry.Time("sameDayBefore", "\"15:00\"") is { } cutoff ? new EndOfBusinessDayDeadline(cutoff) : null;
            case "businessHours":
                entry.Expect(["rule", "hours"], ("hours", "4"));
                return entry.Number("hours", 0, 24 * 365, "4") is { } hours ? new BusinessHoursDeadline(TimeSpan.FromHours(hours)) : null;
            default:
                return null;
        }
    }
}
