using System.Collections.Immutable;
using Alignment.Core.Accounts;
using Alignment.Core.Calibration;

namespace Alignment.Sandbox.Generation;

/// <summary>
/// Generates the opportunities of a generated org for calibration (docs/calibration.md): an account's latent quality
/// q (half its ICP match — industry, country, an ICP technology, 200–5000 employees — half its activity in the last 90
/// days) sets both the chance that it has an opportunity and, with noise, the chance that it is won:
/// P(won) = 0.05 + 0.6 q. Opportunities are created 20–85 days before <c>asOf</c> (so the signals before creation are
/// in the org) and close 5–60 days later; those that would close after <c>asOf</c> are open. A separate pseudo-random
/// sequence (seed + 1) is used, so the accounts of <see cref="OrgGenerator"/> are the same with or without it.
/// </summary>
public static class OpportunityGenerator
{
    public static ImmutableArray<Opportunity> Generate(GeneratedOrg org, int seed)
    {
        ArgumentNullException.ThrowIfNull(org);
#pragma warning disable CA5394 // Not security-relevant: a seeded, reproducible sequence is the point.
        var random = new Random(unchecked(seed + 1));
        var result = ImmutableArray.CreateBuilder<Opportunity>();
        foreach (var account in org.Accounts)
        {
            var quality = Quality(account, org.AsOf);
            if (random.NextDouble() >= 0.05 + (0.5 * quality))
            {
                continue;
            }

            var created = org.AsOf.AddMinutes(-random.Next(20 * 24 * 60, 85 * 24 * 60));
            var closed = created.AddDays(random.Next(5, 61));
            var won = random.NextDouble() < 0.05 + (0.6 * quality);
            var amount = (decimal)Math.Round((5_000 + (random.NextDouble() * 95_000)) / 500) * 500;
            result.Add(closed <= org.AsOf
                ? new Opportunity(OrgGenerator.Id("006", result.Count + 1), account.Id, created, closed, won, amount)
                : new Opportunity(OrgGenerator.Id("006", result.Count + 1), account.Id, created, null, null, amount));
        }
#pragma warning restore CA5394

        return result.ToImmutable();
    }

    /// <summary>The latent quality of an account, in [0, 1].</summary>
    public static double Quality(Account account, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(account);
        var icp = 0;
        icp += Contains(OrgNames.IcpIndustries, account.Industry) ? 1 : 0;
        icp += Contains(OrgNames.IcpCountries, account.Country) ? 1 : 0;
        icp += account.Technologies.Any(t => Contains(OrgNames.IcpTechnologies, t)) ? 1 : 0;
        icp += account.Employees is >= 200 and < 5000 ? 1 : 0;
        var recent = account.Signals.Count(s => s.At > asOf.AddDays(-90));
        return (0.5 * icp / 4) + (0.5 * Math.Min(1, recent / 40.0));
    }

    private static bool Contains(string[] values, string? value) =>
        value is not null && Array.Exists(values, v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
}
