using Alignment.Core.Calibration;
using Alignment.HubSpot.Tests.Support;
using Alignment.Sync.Calibration;

namespace Alignment.HubSpot.Tests.Calibration;

/// <summary>
/// Deals as outcomes against the emulator: closed deals in the window with their company, won or lost from
/// <c>hs_is_closed_won</c>; deals created since an instant, open ones included; paging past the search's result cap;
/// every request as HubSpot's OpenAPI documents define it (deals through the generic objects search and the v4
/// associations batch read).
/// </summary>
public sealed class HubSpotOutcomeReaderTests
{
    private static readonly DateTimeOffset AsOf = SeedAccounts.AsOf;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<Opportunity>> ReadAsync(IAsyncEnumerable<Opportunity> opportunities)
    {
        var read = new List<Opportunity>();
        await foreach (var opportunity in opportunities)
        {
            read.Add(opportunity);
        }

        return read;
    }

    [Fact]
    public async Task ReadClosedAsync_ClosedWonAndLostInTheWindow_WithTheirCompany()
    {
        var validator = new OpenApiRequestValidator();
        await using var host = await HubSpotTestHost.StartAsync([SeedAccounts.Make("1001"), SeedAccounts.Make("1002")]);
        var created = AsOf.AddDays(-100);
        var ids = host.Emulator.AddDeals(
        [
            new Opportunity("d1", "1001", created, created.AddDays(20), true, 24_000m),
            new Opportunity("d2", "1002", created.AddHours(5), created.AddDays(40), false, null),
            new Opportunity("d3", "1001", created, null, null, 5_000m),
            new Opportunity("d4", "1001", AsOf.AddDays(-500), AsOf.AddDays(-400), true, 1_000m),
        ]);
        var reader = host.OutcomeReader;
        var callsBefore = host.Crm.GetUsage().Calls;

        var read = await ReadAsync(reader.ReadClosedAsync(AsOf.AddDays(-365), Ct));

        Assert.Equal(
        [
            new Opportunity(ids[0], host.Emulator.CompanyIdOf("1001"), created, created.AddDays(20), true, 24_000m),
            new Opportunity(ids[1], host.Emulator.CompanyIdOf("1002"), created.AddHours(5), created.AddDays(40), false, null),
        ], read);
        Assert.Equal(2, host.Crm.GetUsage().Calls - callsBefore); // one search page, one associations batch: the scoring run's budget
        Assert.Empty(host.Requests.SelectMany(r => validator.Validate(r.Method, r.Uri, r.Body)));
        Assert.Contains(host.Requests, r => r.Uri.AbsolutePath == "/crm/objects/2026-03/deals/search");
        Assert.Contains(host.Requests, r => r.Uri.AbsolutePath == "/crm/associations/2026-03/deals/companies/batch/read");
    }

    [Fact]
    public async Task ReadCreatedAsync_OpenAndClosedCreatedSince()
    {
        await using var host = await HubSpotTestHost.StartAsync([SeedAccounts.Make("1001")]);
        var ids = host.Emulator.AddDeals(
        [
            new Opportunity("d1", "1001", AsOf.AddDays(-10), null, null, 7_500m),
            new Opportunity("d2", "1001", AsOf.AddDays(-20), AsOf.AddDays(-2), true, 1_000m),
            new Opportunity("d3", "1001", AsOf.AddDays(-40), null, null, 9_000m),
        ]);
        var reader = host.OutcomeReader;

        var read = await ReadAsync(reader.ReadCreatedAsync(AsOf.AddDays(-30), Ct));

        Assert.Equal([ids[0], ids[1]], read.Select(o => o.Id).Order());
        Assert.Equal((null, null, 7_500m), (read.Single(o => o.Id == ids[0]).ClosedAt, read.Single(o => o.Id == ids[0]).Won, read.Single(o => o.Id == ids[0]).Amount));
    }

    [Fact]
    public async Task ReadClosedAsync_MoreThanTheSearchCap_ReadsEveryDealOnce()
    {
        await using var host = await HubSpotTestHost.StartAsync(
            [SeedAccounts.Make("1001")], o => { o.SearchResultCap = 400; o.RateLimitMax = 10_000; }, new Dictionary<string, string?> { ["Alignment:HubSpot:SearchResultCap"] = "400" });
        var created = AsOf.AddDays(-60);
        host.Emulator.AddDeals(Enumerable.Range(0, 950).Select(i => new Opportunity("d" + i, "1001", created, created.AddDays(1), i % 3 == 0, i)));
        var reader = host.OutcomeReader;

        var read = await ReadAsync(reader.ReadClosedAsync(AsOf.AddDays(-365), Ct));

        Assert.Equal(950, read.Select(o => o.Id).Distinct().Count());
        Assert.Equal(317, read.Count(o => o.Won == true));
    }
}
