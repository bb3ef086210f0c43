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
    private static readonly string[] DayNames = Enum.GetNames<DayOfWeek>();

    /// <summary>The policy, or null when <paramref name="errors"/> received at least one problem.</summary>
    public static SlaPolicy? Read(JsonElement element, string path, ICollection<ModelError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var section = ModelSection.Open(element, path, errors);
        if (section is null)
        {
            return null;
        }

        section.RejectUnknown("defaultTimeZone", "hours", "holidays", "deadlines", "atRiskShare", "escalateAfterBusinessHours", "recycleAfterBusinessDays");
        var defaults = SlaPolicy.Default;

        var zone = section.String("defaultTimeZone", "\"America/New_York\"") ?? defaults.DefaultTimeZone;
        if (!TimeZones.TryFind(zone, out _, out var zoneError))
        {
            section.Error(section.PathOf("defaultTimeZone"), zoneError);
        }

        var hours = section.Get("hours") is null ? defaults.Hours : ReadHours(section);
        var holidays = ReadHolidays(section);
        var deadlines = ReadDeadlines(section, defaults);
        var atRiskShare = section.Number("atRiskShare", 0, 1, "0.75") ?? defaults.AtRiskShare;
        var escalateAfter = section.Number("escalateAfterBusinessHours", 0, 24 * 365, "4", allowMin: true) is { } escalateHours
            ? TimeSpan.FromHours(escalateHours)
            : defaults.EscalateAfter;
        var recycleAfter = section.Int("recycleAfterBusinessDays", 1, 365, "10") ?? defaults.RecycleAfterBusinessDays;

        return errors.Count > before || hours is null
            ? null
            : new SlaPolicy(zone, hours, holidays, deadlines, atRiskShare, escalateAfter, recycleAfter);
    }

    private static WeeklyHours? ReadHours(ModelSection section)
    {
        var days = new Dictionary<DayOfWeek, BusinessHours>();
        foreach (var (item, itemPath) in section.Array("hours", "[{ \"days\": [\"Monday\"], \"open\": \"09:00\", \"close\": \"17:00\" }]"))
        {
            if (section.Child(item, itemPath) is not { } entry)
            {
                continue;
            }

            entry.RejectUnknown("days", "open", "close");
            var open = entry.Time("open");
            var close = entry.Time("close");
            if (entry.Get("open") is null)
            {
                entry.Error(entry.PathOf("open"), "An opening time is required, e.g. \"09:00\".");
            }

            if (entry.Get("close") is null)
            {
                entry.Error(entry.PathOf("close"), "A closing time is required, e.g. \"17:00\".");
            }

            var valid = open is { } o && close is { } c && o < c;
            if (open is { } o2 && close is { } c2 && o2 >= c2)
            {
                entry.Error(entry.PathOf("close"), $"The closing time {c2:HH:mm} must be after the opening time {o2:HH:mm} on the same day.");
            }

            var entryDays = entry.Strings("days", "[\"Monday\", \"Tuesday\"]").ToList();
            if (entryDays.Count == 0 && entry.Get("days") is null or { ValueKind: JsonValueKind.Array })
            {
                entry.Error(entry.PathOf("days"), "At least one weekday is required, e.g. [\"Monday\"].");
            }

            foreach (var (name, dayPath) in entryDays)
            {
                if (!DayNames.Contains(name, StringComparer.Ordinal))
                {
                    entry.Error(dayPath, $"Unknown weekday '{name}'; expected one of: {string.Join(", ", DayNames)}.");
                    continue;
                }

                var day = Enum.Parse<DayOfWeek>(name);
                if (days.ContainsKey(day))
                {
                    entry.Error(dayPath, $"{name} already has hours; give each weekday once.");
                }
                else if (valid)
                {
                    days[day] = new BusinessHours(open!.Value, close!.Value);
                }
            }
        }

        if (days.Count == 0)
        {
            section.Error(section.PathOf("hours"), "At least one weekday must have hours, e.g. [{ \"days\": [\"Monday\"], \"open\": \"09:00\", \"close\": \"17:00\" }].");
            return null;
        }

        return new WeeklyHours(days);
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
                section.Error(itemPath, $"Expected a local date as yyyy-MM-dd, found '{text}'; e.g. \"2026-12-25\".");
            }
        }

        return holidays;
    }

    private static Dictionary<Tier, SlaDeadline> ReadDeadlines(ModelSection section, SlaPolicy defaults)
    {
        var deadlines = Enum.GetValues<Tier>().ToDictionary(t => t, t => defaults.DeadlineFor(t));
        if (section.Object("deadlines") is not { } block)
        {
            return deadlines;
        }

        block.RejectUnknown(Enum.GetNames<Tier>());
        foreach (var tier in Enum.GetValues<Tier>())
        {
            if (block.Object(tier.ToString()) is { } entry && ReadDeadline(entry) is { } deadline)
            {
                deadlines[tier] = deadline;
            }
        }

        return deadlines;
    }

    private static SlaDeadline? ReadDeadline(ModelSection entry)
    {
        switch (entry.String("rule", "\"businessHours\""))
        {
            case "endOfBusinessDay":
                entry.RejectUnknown("rule", "sameDayBefore");
                var cutoff = entry.Time("sameDayBefore");
                if (cutoff is null && entry.Get("sameDayBefore") is null)
                {
                    entry.Error(entry.PathOf("sameDayBefore"), "A local cut-off time is required, e.g. \"15:00\".");
                }

                return cutoff is { } c ? new EndOfBusinessDayDeadline(c) : null;
            case "businessHours":
                entry.RejectUnknown("rule", "hours");
                var hours = entry.Number("hours", 0, 24 * 365, "4");
                if (hours is null && entry.Get("hours") is null)
                {
                    entry.Error(entry.PathOf("hours"), "A positive number of business hours is required, e.g. 4.");
                }

                return hours is { } h ? new BusinessHoursDeadline(TimeSpan.FromHours(h)) : null;
            case null when entry.Get("rule") is null:
                entry.Error(entry.PathOf("rule"), "A deadline rule is required: \"endOfBusinessDay\" or \"businessHours\".");
                return null;
            case null:
                return null;
            case var other:
                entry.Error(entry.PathOf("rule"), $"Unknown deadline rule '{other}'; expected \"endOfBusinessDay\" or \"businessHours\".");
                return null;
        }
    }
}
