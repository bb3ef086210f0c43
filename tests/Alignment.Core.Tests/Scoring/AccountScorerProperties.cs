using Alignment.Core.Accounts;
using Alignment.Core.Scoring;
using Alignment.Core.Signals;
using Alignment.TestKit.Scoring;
using FsCheck;
using FsCheck.Fluent;
using static Alignment.TestKit.Scoring.TestAccounts;

namespace Alignment.Core.Tests.Scoring;

public sealed class AccountScorerProperties
{
    private static readonly SignalKind[] ScoredKinds =
        [.. Enum.GetValues<SignalKind>().Where(k => SignalKinds.CategoryOf(k) != SignalCategory.SalesTouch)];

    private readonly AccountScorer _scorer = new(DefaultScoringModel.Value);

    private static Gen<Signal> SignalGen(SignalKind[] kinds) =>
        from kind in Gen.Elements(kinds)
        from ageMinutes in Gen.Choose(-5 * 1440, 120 * 1440)
        from contact in Gen.Elements<string?>(null, "c1", "c2", "c3", "c4", "c5")
        from strength in Gen.Elements<double?>(null, 0, 0.25, 0.5, 1)
        select new Signal(kind, AsOf - TimeSpan.FromMinutes(ageMinutes), contact, Strength: strength);

    private static Gen<Account> AccountGen =>
        from employees in Gen.Elements<int?>(null, 10, 50, 199, 200, 4999, 5000, 100_000)
        from industry in Gen.Elements<string?>(null, "Software", "fintech", "Retail")
        from country in Gen.Elements<string?>(null, "US", "de", "FR")
        from tech in Gen.Elements<string[]>([], ["Salesforce"], ["hubspot", "Marketo"])
        from signals in Gen.ListOf(SignalGen(Enum.GetValues<SignalKind>()))
        select new Account
        {
            Id = "a",
            Employees = employees,
            Industry = industry,
            Country = country,
            Technologies = [.. tech],
            Signals = [.. signals],
        };

    [Fact]
    public void Score_AnyAccount_AllScoresWithinZeroToHundred()
    {
        Prop.ForAll(AccountGen.ToArbitrary(), account =>
        {
            var s = _scorer.Score(account, AsOf);
            return s.Score is >= 0 and <= 100
                && s.Fit is >= 0 and <= 100 && s.Intent is >= 0 and <= 100 && s.Engagement is >= 0 and <= 100;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Score_AddingAScoredSignal_NeverLowersAnyScore()
    {
        var gen = from account in AccountGen
                  from extra in SignalGen(ScoredKinds)
                  select (account, extra);

        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var before = _scorer.Score(input.account, AsOf);
            var after = _scorer.Score(input.account with { Signals = input.account.Signals.Add(input.extra) }, AsOf);
            return after.Score >= before.Score && after.Composite >= before.Composite
                && after.Intent >= before.Intent && after.Engagement >= before.Engagement;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Score_SignalOrder_DoesNotChangeTheScore()
    {
        var gen = from account in AccountGen
                  from seed in Gen.Choose(0, int.MaxValue - 1)
                  select (account, seed);

        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var shuffled = input.account.Signals.ToArray();
            new Random(input.seed).Shuffle(shuffled);
            return _scorer.Score(input.account, AsOf).Score == _scorer.Score(input.account with { Signals = [.. shuffled] }, AsOf).Score;
        }).QuickCheckThrowOnFailure();
    }
}
