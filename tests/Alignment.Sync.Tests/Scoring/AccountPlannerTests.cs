using Alignment.Sync.Crm;
using Alignment.Sync.Scoring;

namespace Alignment.Sync.Tests.Scoring;

public sealed class AccountPlannerTests
{
    private readonly SyncHarness _h = new();

    [Fact]
    public void Plan_AccountWithSignals_ScoresThemButKeepsTheAccountWithout()
    {
        var account = _h.Hot("001HOT").Build();
        Assert.NotEmpty(account.Signals);
        var source = new CrmAccount(account, _h.Now.AddHours(-1), new Uri("https://example.my.salesforce.com/lightning/r/Account/001HOT/view"));

        var plan = new AccountPlanner(_h.Rules).Plan(source, null, _h.Now);

        Assert.True(plan.Evaluation.Engagement > 0);
        Assert.NotNull(plan.Handoff);
        Assert.Empty(plan.Source.Account.Signals);
        Assert.Equal(account with { Signals = [] }, plan.Source.Account);
        Assert.Equal((source.LastModifiedAt, source.Url), (plan.Source.LastModifiedAt, plan.Source.Url));
    }
}
