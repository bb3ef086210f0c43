using System.Globalization;
using Alignment.Core.Accounts;
using Alignment.Core.Signals;
using Alignment.Salesforce;
using Alignment.Sandbox.Salesforce;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Benchmarks.Salesforce;

/// <summary>The seeded org and the client settings shared by the Salesforce bench commands.</summary>
internal static class SalesforceBenchOrg
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    /// <summary>An 18-character Account id.</summary>
    public static string AccountId(int n) => "001" + n.ToString("D12", CultureInfo.InvariantCulture) + "AAA";

    /// <summary>
    /// <paramref name="count"/> accounts with varied firmographics; every third has pricing-page views, every tenth a reply
    /// and a meeting from two contacts (so some accounts are handed off), the rest no activity.
    /// </summary>
    public static IEnumerable<Account> Accounts(int count)
    {
        string[] industries = ["Software", "Fintech", "Retail", "Information Technology", "Manufacturing"];
        string[] countries = ["US", "DE", "FR", "GB", "BR"];
        for (var i = 1; i <= count; i++)
        {
            var contact = "003" + i.ToString("D12", CultureInfo.InvariantCulture) + "AAA";
            var other = "003" + (i + 50_000_000).ToString("D12", CultureInfo.InvariantCulture) + "AAA";
            var signals = new List<Signal>();
            if (i % 3 == 0)
            {
                signals.Add(new Signal(SignalKind.PricingPageView, AsOf.AddDays(-1), contact));
                signals.Add(new Signal(SignalKind.WebVisit, AsOf.AddDays(-3), contact));
            }

            if (i % 10 == 0)
            {
                signals.Add(new Signal(SignalKind.EmailReply, AsOf.AddDays(-2), contact, "Re: pricing"));
                signals.Add(new Signal(SignalKind.MeetingBooked, AsOf.AddDays(-1), other, "Intro call"));
            }

            var owner = "005" + (i % 25).ToString("D12", CultureInfo.InvariantCulture) + "AAA";
            yield return new Account
            {
                Id = AccountId(i), Name = "Account " + i.ToString(CultureInfo.InvariantCulture), Employees = 20 + (i % 6000),
                Industry = industries[i % industries.Length], AnnualRevenue = 1_000_000m * (i % 400), Country = countries[i % countries.Length],
                Technologies = i % 2 == 0 ? ["Salesforce"] : [],
                Owner = new Owner(owner, "owner@example.com", "America/New_York"),
                Signals = [.. signals],
            };
        }
    }

    /// <summary>A provider whose <see cref="ICrm"/> is the Salesforce adapter pointed at <paramref name="baseAddress"/> (client-credentials flow).</summary>
    public static ServiceProvider Client(Uri baseAddress, SalesforceEmulatorOptions emulator, int pageSize = 2000) =>
        new ServiceCollection().AddSalesforceCrm(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alignment:Salesforce:LoginUrl"] = baseAddress.ToString(),
            ["Alignment:Salesforce:AuthFlow"] = "ClientCredentials",
            ["Alignment:Salesforce:ClientId"] = emulator.ClientId,
            ["Alignment:Salesforce:ClientSecret"] = emulator.ClientSecret,
            ["Alignment:Salesforce:PageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
        }).Build()).BuildServiceProvider();

    public static int Arg(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    public static string? Arg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
