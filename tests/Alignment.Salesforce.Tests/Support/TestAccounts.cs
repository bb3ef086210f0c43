using System.Collections.Immutable;
using System.Globalization;
using Alignment.Core.Accounts;
using Alignment.Core.Signals;

namespace Alignment.Salesforce.Tests.Support;

/// <summary>Accounts with valid Salesforce ids and sensible defaults.</summary>
internal static class TestAccounts
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    public static string Id(int n) => "001" + n.ToString("D12", CultureInfo.InvariantCulture) + "AAA";

    public static string OwnerId(int n) => "005" + n.ToString("D12", CultureInfo.InvariantCulture) + "AAA";

    public static string ContactId(int n) => "003" + n.ToString("D12", CultureInfo.InvariantCulture) + "AAA";

    public static Account Make(int n, params Signal[] signals) => new()
    {
        Id = Id(n),
        Name = "Account " + n.ToString(CultureInfo.InvariantCulture),
        Employees = 450,
        Industry = "Software",
        AnnualRevenue = 80_000_000m,
        Country = "US",
        Technologies = ["Salesforce", "Slack"],
        Owner = new Owner(OwnerId(n % 7), "owner" + (n % 7).ToString(CultureInfo.InvariantCulture) + "@example.com", "America/New_York", OwnerId(99)),
        Signals = [.. signals],
    };

    public static IEnumerable<Account> Many(int count, Func<int, Signal[]>? signals = null) =>
        Enumerable.Range(1, count).Select(n => Make(n, signals?.Invoke(n) ?? []));

    public static ImmutableArray<Signal> Sorted(IEnumerable<Signal> signals) =>
        [.. signals.OrderBy(s => s.At).ThenBy(s => s.Kind).ThenBy(s => s.ContactId, StringComparer.Ordinal).ThenBy(s => s.Subject, StringComparer.Ordinal)];
}
