using System.Text.Json;
using Alignment.Core.Evaluation;
using Alignment.Core.Model;
using Alignment.Core.Tiers;
using Alignment.Sandbox.Generation;
using Alignment.TestKit.Paths;

namespace Alignment.Cli.Tests.Generation;

public sealed class OrgGeneratorTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 20, 14, 0, 0, TimeSpan.Zero);

    private static AccountEvaluator DefaultEvaluator()
    {
        var result = ModelFileReader.Read(File.ReadAllText(RepoPaths.InRepo("config", "scoring.json")));
        return new AccountEvaluator(result.Model ?? throw new InvalidOperationException("config/scoring.json is invalid."));
    }

    [Fact]
    public void Generate_SameSeed_SameOrg()
    {
        var options = new OrgGeneratorOptions { Seed = 7, AccountCount = 200 };

        var first = JsonSerializer.Serialize(OrgGenerator.Generate(options, AsOf));
        var second = JsonSerializer.Serialize(OrgGenerator.Generate(options, AsOf));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_OtherSeed_OtherOrg()
    {
        var a = OrgGenerator.Generate(new OrgGeneratorOptions { Seed = 1, AccountCount = 50 }, AsOf);
        var b = OrgGenerator.Generate(new OrgGeneratorOptions { Seed = 2, AccountCount = 50 }, AsOf);

        Assert.NotEqual(a.Accounts.Select(x => x.Name), b.Accounts.Select(x => x.Name));
    }

    [Fact]
    public void Generate_Default_ThousandAccountsWithUniqueSalesforceIdsAndPastSignals()
    {
        var org = OrgGenerator.Generate(new OrgGeneratorOptions(), AsOf);

        Assert.Equal(1000, org.Accounts.Count);
        Assert.Equal(org.Accounts.Count, org.Accounts.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(org.Accounts, a =>
        {
            Assert.Matches("^001[0-9A-Za-z]{15}$", a.Id);
            Assert.NotNull(a.Owner);
            Assert.Contains(a.Owner, org.Owners);
            Assert.All(a.Signals, s => Assert.True(s.At <= AsOf && s.At > AsOf.AddDays(-91), $"{a.Id}: {s.Kind} at {s.At:O}"));
            Assert.Equal(TimeSpan.Zero, a.Signals.IsEmpty ? TimeSpan.Zero : a.Signals[0].At.Offset);
        });
        Assert.All(org.Owners, o => Assert.EndsWith("@example.com", o.Email, StringComparison.Ordinal));
        Assert.All(org.Owners.Where(o => o.ManagerId is not null), o => Assert.Contains(org.Owners, m => m.Id == o.ManagerId));
    }

    [Fact]
    public void Generate_Default_ScoresIntoARealisticTierMix()
    {
        var evaluator = DefaultEvaluator();
        var org = OrgGenerator.Generate(new OrgGeneratorOptions(), AsOf);

        var tiers = org.Accounts.Select(a => evaluator.Evaluate(a with { Current = Alignment.Core.Accounts.AlignmentState.Empty }, AsOf).Tier)
            .GroupBy(t => t)
            .ToDictionary(g => g.Key, g => g.Count());

        // Most of an org is cold; a few percent are hot; every tier is present.
        Assert.InRange(tiers.GetValueOrDefault(Tier.Tier1), 10, 80);
        Assert.InRange(tiers.GetValueOrDefault(Tier.Tier2), 30, 200);
        Assert.InRange(tiers.GetValueOrDefault(Tier.Tier3), 80, 400);
        Assert.InRange(tiers.GetValueOrDefault(Tier.None), 400, 900);
    }

    [Fact]
    public void Generate_MoreOwnersThanNames_EveryOwnerHasOwnEmail()
    {
        // 16 first names × 16 last names: 400 owners (and their managers) must reuse names, never e-mails.
        var org = OrgGenerator.Generate(new OrgGeneratorOptions { AccountCount = 10, OwnerCount = 400 }, AsOf);

        var emails = org.Owners.Select(o => o.Email!).ToList();
        Assert.Equal(emails.Count, emails.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(emails, e => Assert.Matches("^[a-z]+\\.[a-z]+[0-9]*@example\\.com$", e));
    }
}
