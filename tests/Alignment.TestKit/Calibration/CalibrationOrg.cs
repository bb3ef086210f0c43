using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Alignment.Core.Accounts;
using Alignment.Core.Calibration;
using Alignment.Core.Signals;
using Alignment.TestKit.Scoring;

namespace Alignment.TestKit.Calibration;

/// <summary>
/// A generated org for calibration tests: accounts whose latent quality drives their firmographic fit and the signals
/// before each opportunity's creation; each opportunity is won with probability 0.05 + 0.8 × (composite score at
/// creation under the shipped model) / 100, so in a fair org the model is right and no segment should drift. A weak
/// industry plants drift: its opportunities win at a fifth of that rate. Deterministic for a seed.
/// </summary>
public sealed record CalibrationOrg(ImmutableArray<Account> Accounts, ImmutableArray<Opportunity> Opportunities, DateTimeOffset AsOf)
{
    public static readonly DateTimeOffset DefaultAsOf = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private static readonly string[] Industries = ["Software", "Fintech", "Information Technology"];
    private static readonly string[] Countries = ["US", "GB", "DE"];

    /// <param name="opportunities">One closed opportunity per account (created in the year before <see cref="DefaultAsOf"/>).</param>
    /// <param name="seed">Seed of every draw.</param>
    /// <param name="weakIndustry">An industry whose deals win at a fifth of their due rate; null for a fair org.</param>
    public static CalibrationOrg Generate(int opportunities, int seed, string? weakIndustry = null)
    {
        var random = new Random(seed);
        var scorer = new PointInTimeScorer(DefaultScoringModel.Value);
        var accounts = ImmutableArray.CreateBuilder<Account>(opportunities);
        var deals = ImmutableArray.CreateBuilder<Opportunity>(opportunities);
        for (var i = 0; i < opportunities; i++)
        {
            var quality = random.NextDouble();
            var id = string.Create(CultureInfo.InvariantCulture, $"001C{i:D8}");
            var created = DefaultAsOf.AddDays(-30 - random.Next(330)).AddHours(random.Next(24));
            var signals = new List<Signal>();
            var touches = (int)Math.Round(quality * 9) + random.Next(2);
            for (var t = 0; t < touches; t++)
            {
                var kind = (t % 3) switch { 0 => SignalKind.PricingPageView, 1 => SignalKind.MeetingBooked, _ => SignalKind.DemoAttended };
                signals.Add(new Signal(kind, created.AddDays(-random.Next(1, 6)), $"c{t % 3}"));
            }

            // After creation: a burst that must not leak into the score at creation.
            signals.Add(new Signal(SignalKind.DemoAttended, created.AddDays(3), "late"));
            var industry = Industries[random.Next(Industries.Length)];
            var account = new Account
            {
                Id = id,
                Name = "Generated " + id,
                Employees = random.NextDouble() < quality ? 200 + random.Next(3000) : 60 + random.Next(100),
                Industry = industry,
                Country = random.NextDouble() < quality ? Countries[random.Next(Countries.Length)] : "FR",
                Technologies = random.NextDouble() < quality ? ["Salesforce"] : [],
                Signals = [.. signals],
            };
            accounts.Add(account);

            var chance = 0.05 + (0.8 * scorer.Score(account, created).Score / 100.0);
            if (string.Equals(industry, weakIndustry, StringComparison.Ordinal))
            {
                chance /= 5;
            }

            var won = random.NextDouble() < chance;
            deals.Add(new Opportunity("006C" + id[4..], id, created, created.AddDays(20 + random.Next(60)), won, 1000 + random.Next(50_000)));
        }

        return new CalibrationOrg(accounts.MoveToImmutable(), deals.MoveToImmutable(), DefaultAsOf);
    }

    /// <summary>The calibration snapshot file: the evaluate snapshot plus <c>opportunities</c>.</summary>
    public string ToSnapshotJson()
    {
        var accounts = new JsonArray();
        foreach (var account in Accounts)
        {
            var signals = new JsonArray();
            foreach (var signal in account.Signals)
            {
                signals.Add(new JsonObject { ["kind"] = signal.Kind.ToString(), ["at"] = Instant(signal.At), ["contactId"] = signal.ContactId });
            }

            accounts.Add(new JsonObject
            {
                ["id"] = account.Id,
                ["name"] = account.Name,
                ["employees"] = account.Employees,
                ["industry"] = account.Industry,
                ["country"] = account.Country,
                ["technologies"] = new JsonArray([.. account.Technologies.Select(t => (JsonNode)t)]),
                ["signals"] = signals,
            });
        }

        var opportunities = new JsonArray();
        foreach (var o in Opportunities)
        {
            opportunities.Add(new JsonObject
            {
                ["id"] = o.Id,
                ["accountId"] = o.AccountId,
                ["createdAt"] = Instant(o.CreatedAt),
                ["closedAt"] = o.ClosedAt is { } c ? Instant(c) : null,
                ["won"] = o.Won,
                ["amount"] = o.Amount,
            });
        }

        return new JsonObject { ["asOf"] = Instant(AsOf), ["accounts"] = accounts, ["opportunities"] = opportunities }.ToJsonString();
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
