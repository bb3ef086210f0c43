using System.Text.Json;
using Alignment.Core.Model;
using Alignment.Core.Sla;
using Alignment.Core.Tests.Calendar;
using Alignment.Core.Tiers;

namespace Alignment.Core.Tests.Sla;

public sealed class SlaPolicyReaderTests
{
    private const string FullSection = """
        {
          "defaultTimeZone": "Europe/Berlin",
          "hours": [
            { "days": ["Monday", "Tuesday", "Wednesday", "Thursday"], "open": "08:00", "close": "17:00" },
            { "days": ["Friday"], "open": "08:00", "close": "13:00" }
          ],
          "holidays": ["2026-12-24", "2026-12-25"],
          "deadlines": {
            "Tier1": { "rule": "endOfBusinessDay", "sameDayBefore": "14:00" },
            "Tier2": { "rule": "businessHours", "hours": 2 },
            "Tier3": { "rule": "businessHours", "hours": 8 },
            "None": { "rule": "businessHours", "hours": 24 }
          },
          "atRiskShare": 0.5,
          "escalateAfterBusinessHours": 2,
          "recycleAfterBusinessDays": 5
        }
        """;

    private static (SlaPolicy? Policy, List<ModelError> Errors) Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new List<ModelError>();
        return (SlaPolicyReader.Read(document.RootElement, "$.sla", errors), errors);
    }

    [Fact]
    public void Read_FullSection_BuildsPolicy()
    {
        var (policy, errors) = Read(FullSection);

        Assert.Empty(errors);
        Assert.NotNull(policy);
        Assert.Equal("Europe/Berlin", policy.DefaultTimeZone);
        Assert.Equal([new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25)], policy.Holidays);
        Assert.Equal(0.5, policy.AtRiskShare);
        Assert.Equal(TimeSpan.FromHours(2), policy.EscalateAfter);
        Assert.Equal(5, policy.RecycleAfterBusinessDays);
        Assert.Null(policy.Hours.For(DayOfWeek.Saturday));
        Assert.Equal(new TimeOnly(13, 0), policy.Hours.For(DayOfWeek.Friday)?.Close);

        // Fri 2026-11-20 12:30 CET (11:30Z), Tier 1 cut-off 14:00 → Fri 13:00 CET (12:00Z).
        var clock = new SlaClock(policy);
        Assert.Equal(Utc.At("2026-11-20T12:00:00Z"), clock.DueFor(Utc.At("2026-11-20T11:30:00Z"), Tier.Tier1, null));

        // Tier 2, Wed 2026-12-23 16:00 CET (15:00Z): 1h Wed, Thu 24th and Fri 25th holidays, 1h Mon 28th → 09:00 CET (08:00Z).
        Assert.Equal(Utc.At("2026-12-28T08:00:00Z"), clock.DueFor(Utc.At("2026-12-23T15:00:00Z"), Tier.Tier2, null));
    }

    [Fact]
    public void Read_EmptySection_IsTheDefaultPolicy()
    {
        var (policy, errors) = Read("{}");

        Assert.Empty(errors);
        Assert.Equal(SlaPolicy.Default.DefaultTimeZone, policy!.DefaultTimeZone);
        Assert.Equal(SlaPolicy.Default.DeadlineFor(Tier.Tier1), policy.DeadlineFor(Tier.Tier1));
        Assert.Equal(0.75, policy.AtRiskShare);
        Assert.Equal(10, policy.RecycleAfterBusinessDays);
    }

    [Theory]
    [InlineData("""{ "defaultTimeZone": "Mars/Olympus_Mons" }""", "$.sla.defaultTimeZone", "'Mars/Olympus_Mons'")]
    [InlineData("""{ "hours": [ { "days": ["Monday"], "open": "17:00", "close": "09:00" } ] }""", "$.sla.hours[0].close", "after")]
    [InlineData("""{ "hours": [ { "days": ["Monday"], "open": "9am", "close": "17:00" } ] }""", "$.sla.hours[0].open", "HH:mm")]
    [InlineData("""{ "hours": [ { "days": ["Monday", "Funday"], "open": "09:00", "close": "17:00" } ] }""", "$.sla.hours[0].days[1]", "'Funday'")]
    [InlineData("""{ "hours": [ { "days": ["Monday"], "open": "09:00", "close": "17:00" }, { "days": ["Monday"], "open": "10:00", "close": "12:00" } ] }""", "$.sla.hours[1].days[0]", "once")]
    [InlineData("""{ "hours": [] }""", "$.sla.hours", "weekday")]
    [InlineData("""{ "holidays": ["2026-13-01"] }""", "$.sla.holidays[0]", "yyyy-MM-dd")]
    [InlineData("""{ "deadlines": { "Tier2": { "rule": "fortnight" } } }""", "$.sla.deadlines.Tier2.rule", "'fortnight'")]
    [InlineData("""{ "deadlines": { "Tier2": { "rule": "businessHours", "hours": 0 } } }""", "$.sla.deadlines.Tier2.hours", "(0")]
    [InlineData("""{ "deadlines": { "Tier2": { "rule": "businessHours" } } }""", "$.sla.deadlines.Tier2.hours", "required")]
    [InlineData("""{ "deadlines": { "Tier1": { "rule": "endOfBusinessDay", "sameDayBefore": "25:00" } } }""", "$.sla.deadlines.Tier1.sameDayBefore", "HH:mm")]
    [InlineData("""{ "deadlines": { "Tier4": { "rule": "businessHours", "hours": 4 } } }""", "$.sla.deadlines.Tier4", "unknown setting")]
    [InlineData("""{ "atRiskShare": 0 }""", "$.sla.atRiskShare", "(0, 1]")]
    [InlineData("""{ "atRiskShare": 1.5 }""", "$.sla.atRiskShare", "(0, 1]")]
    [InlineData("""{ "escalateAfterBusinessHours": -1 }""", "$.sla.escalateAfterBusinessHours", "[0")]
    [InlineData("""{ "recycleAfterBusinessDays": 0 }""", "$.sla.recycleAfterBusinessDays", "[1")]
    [InlineData("""{ "recycleAfterBusinessDays": 2.5 }""", "$.sla.recycleAfterBusinessDays", "whole")]
    [InlineData("""{ "holydays": [] }""", "$.sla.holydays", "unknown setting")]
    public void Read_InvalidEntry_ReportsItsPath(string json, string path, string messagePart)
    {
        var (policy, errors) = Read(json);

        Assert.Null(policy);
        var error = Assert.Single(errors, e => e.Path == path);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }
}
