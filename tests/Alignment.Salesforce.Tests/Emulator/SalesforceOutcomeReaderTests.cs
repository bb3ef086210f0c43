using Alignment.Core.Calibration;
using Alignment.Salesforce.Tests.Support;
using Alignment.Sync.Calibration;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Salesforce.Tests.Emulator;

public sealed class SalesforceOutcomeReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadClosedAsync_Emulator_ReadsClosedWonAndLostInTheWindowOnly()
    {
        var account = TestAccounts.Make(1);
        var created = TestAccounts.AsOf.AddDays(-100);
        await using var host = await SalesforceTestHost.StartAsync([account, TestAccounts.Make(2)]);
        host.Emulator.AddOpportunities(
        [
            new Opportunity("006Al0000000001QAA", account.Id, created, created.AddDays(20), true, 24000m),
            new Opportunity("006Al0000000002QAA", account.Id, created.AddHours(5), created.AddDays(40), false, null),
            new Opportunity("006Al0000000003QAA", account.Id, created, null, null, 5000m),
            new Opportunity("006Al0000000004QAA", account.Id, TestAccounts.AsOf.AddDays(-500), TestAccounts.AsOf.AddDays(-400), true, 1000m),
        ]);
        var reader = host.Services.GetRequiredService<IOutcomeReader>();
        var callsBefore = host.Crm.GetUsage().Calls;

        var read = new List<Opportunity>();
        await foreach (var opportunity in reader.ReadClosedAsync(TestAccounts.AsOf.AddDays(-365), Ct))
        {
            read.Add(opportunity);
        }

        var endOfDay = (DateTimeOffset at) => new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero).AddDays(1).AddSeconds(-1);
        Assert.Equal(
        [
            new Opportunity("006Al0000000001QAA", account.Id, created, endOfDay(created.AddDays(20)), true, 24000m),
            new Opportunity("006Al0000000002QAA", account.Id, created.AddHours(5), endOfDay(created.AddDays(40)), false, null),
        ], read);
        // Counted in the same API usage (and daily budget) as the scoring run's reads.
        Assert.True(host.Crm.GetUsage().Calls > callsBefore);
    }

    [Fact]
    public async Task ReadCreatedAsync_Emulator_OpenAndClosedCreatedSince()
    {
        var account = TestAccounts.Make(1);
        await using var host = await SalesforceTestHost.StartAsync([account]);
        host.Emulator.AddOpportunities(
        [
            new Opportunity("006Al0000000001QAA", account.Id, TestAccounts.AsOf.AddDays(-10), null, null, 7500m),
            new Opportunity("006Al0000000002QAA", account.Id, TestAccounts.AsOf.AddDays(-20), TestAccounts.AsOf.AddDays(-2), true, 1000m),
            new Opportunity("006Al0000000003QAA", account.Id, TestAccounts.AsOf.AddDays(-40), null, null, 9000m),
        ]);
        var reader = host.Services.GetRequiredService<IOutcomeReader>();

        var read = new List<Opportunity>();
        await foreach (var opportunity in reader.ReadCreatedAsync(TestAccounts.AsOf.AddDays(-30), Ct))
        {
            read.Add(opportunity);
        }

        Assert.Equal(["006Al0000000001QAA", "006Al0000000002QAA"], read.Select(o => o.Id));
        Assert.Equal((null, null, 7500m), (read[0].ClosedAt, read[0].Won, read[0].Amount));
        Assert.True(read[1].Won);
    }

    [Fact]
    public void CreatedQuery_IsTheDocumentedSoql() =>
        Assert.Equal(
            "SELECT Id, AccountId, CreatedDate, CloseDate, IsClosed, IsWon, Amount FROM Opportunity WHERE AccountId != null AND CreatedDate >= 2025-11-20T15:00:00Z ORDER BY Id",
            Calibration.SalesforceOutcomeReader.CreatedQuery(new DateTimeOffset(2025, 11, 20, 15, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Query_IsTheDocumentedSoql()
    {
        Assert.Equal(
            "SELECT Id, AccountId, CreatedDate, CloseDate, IsClosed, IsWon, Amount FROM Opportunity WHERE IsClosed = true AND AccountId != null AND CloseDate >= 2025-11-20 ORDER BY Id",
            Calibration.SalesforceOutcomeReader.Query(new DateTimeOffset(2025, 11, 20, 15, 0, 0, TimeSpan.Zero)));
    }
}
