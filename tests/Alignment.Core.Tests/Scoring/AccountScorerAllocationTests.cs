using Alignment.Core.Accounts;
using Alignment.Core.Scoring;
using Alignment.Core.Signals;
using Alignment.TestKit.Scoring;
using static Alignment.TestKit.Scoring.TestAccounts;

namespace Alignment.Core.Tests.Scoring;

public sealed class AccountScorerAllocationTests
{
    [Theory]
    [InlineData(50)]
    [InlineData(500)] // beyond the stack buffer: a pooled array, returned
    public void Score_WarmScorer_AllocatesNothingPerAccount(int signalsPerAccount)
    {
        var scorer = new AccountScorer(DefaultScoringModel.Value);
        var kinds = Enum.GetValues<SignalKind>();
        var contacts = Enumerable.Range(0, 7).Select(i => $"003A0{i}").ToArray();
        var accounts = Enumerable.Range(0, 20).Select(a => new Account
        {
            Id = $"a{a}",
            Employees = 100 * a,
            Industry = a % 2 == 0 ? "software" : "Retail",
            Country = "US",
            Technologies = ["Marketo", "HubSpot"],
            Signals = [.. Enumerable.Range(0, signalsPerAccount).Select(s =>
                Aged(kinds[(a + s) % kinds.Length], (s * 37 + a) % 100, s % 5 == 0 ? null : contacts[s % contacts.Length], s % 3 == 0 ? 0.5 : null))],
        }).ToArray();
        long total = 0;
        foreach (var account in accounts)
        {
            total += scorer.Score(account, AsOf).Score; // warm-up
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 10; round++)
        {
            foreach (var account in accounts)
            {
                total += scorer.Score(account, AsOf).Score;
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(total > 0);
    }
}
