using System.Collections.Immutable;
using System.Globalization;
using Alignment.Core.Accounts;
using Alignment.Core.Signals;

namespace Alignment.HubSpot.Tests.Support;

/// <summary>Seed accounts with valid defaults; tests override what they are about.</summary>
public static class SeedAccounts
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    public static Account Make(string id, params Signal[] signals) => new()
    {
        Id = id,
        Name = "Company " + id,
        Employees = 450,
        Industry = "Software",
        AnnualRevenue = 80_000_000m,
        Country = "US",
        Technologies = ["Salesforce", "HubSpot"],
        Owner = new Owner("owner-1", "ae@example.com"),
        Signals = [.. signals],
    };

    public static IEnumerable<Account> Many(int count, int firstId = 1000) =>
        Enumerable.Range(firstId, count).Select(i => Make(i.ToString(CultureInfo.InvariantCulture)));

    public static Signal At(SignalKind kind, int hoursAgo, string? contact = null, string? subject = null) =>
        new(kind, AsOf.AddHours(-hoursAgo), contact, subject);

    public static ImmutableArray<Signal> Normalized(IEnumerable<Signal> signals, Func<string?, string?> contactOf) =>
        [.. signals.Select(s => s with { ContactId = contactOf(s.ContactId) }).OrderBy(s => s.At).ThenBy(s => s.Kind)];
}
