using System.Text.Json.Nodes;
using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Signals;
using Alignment.EndToEnd.Tests.Support;
using Alignment.TestKit.Azurite;
using Alignment.TestKit.Builders;
using Alignment.TestKit.Scoring;

namespace Alignment.EndToEnd.Tests.Handoffs;

/// <summary>
/// A buying-committee rule ("a decision-maker engaged", docs/handoff-sla.md) through the scoring run on both CRMs: the
/// level comes from the contact's job title in the CRM (Salesforce <c>Contact.Title</c>, HubSpot <c>jobtitle</c>).
/// </summary>
public sealed class BuyingCommitteeTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _model = ModelWithDecisionMakerRule();

    [Theory]
    [InlineData("salesforce")]
    [InlineData("hubspot")]
    public async Task ScoringRun_DecisionMakerRule_HandsOffOnlyWhereADirectorOrAboveEngaged(string crm)
    {
        Account[] seeds =
        [
            Replied("001E2E0000EXEC1", "003E2E0EX1", Seniority.Executive),
            Replied("001E2E0000DIRE1", "003E2E0DI1", Seniority.Director),
            Replied("001E2E0000STAF1", "003E2E0ST1", Seniority.Staff),
            Replied("001E2E0000NONE1", "003E2E0NO1", null),
        ];
        await using var world = crm == "salesforce"
            ? await World.StartSalesforceAsync(azurite, Snapshot.AsOf, seeds)
            : await World.StartHubSpotAsync(azurite, Snapshot.AsOf, seeds);
        world.Set("Alignment:Sync:ModelPath", _model);

        var run = await world.ScoreAsync(world.NewProcess());

        Assert.Equal(0, run.Failed);
        Assert.Equal(
            [("001E2E0000EXEC1", "decision-maker-engaged"), ("001E2E0000DIRE1", "decision-maker-engaged"), ("001E2E0000STAF1", null), ("001E2E0000NONE1", null)],
            seeds.Select(s => (s.Id, Fields(world, s.Id).HandoffRule)));
        Assert.Equal(HandoffStatus.Pending, Fields(world, "001E2E0000EXEC1").HandoffStatus);
        Assert.Equal(HandoffStatus.None, Fields(world, "001E2E0000STAF1").HandoffStatus);
    }

    public void Dispose() => File.Delete(_model);

    private static Account Replied(string id, string contact, Seniority? seniority) =>
        AccountBuilder.AnAccount().WithId(id).WithName("Committee " + id[^5..])
            .WithSignal(SignalBuilder.A(SignalKind.EmailReply).At(Snapshot.AsOf.AddDays(-1)).By(contact).WithSubject("Next steps").OfSeniority(seniority))
            .Build();

    private static AlignmentState Fields(World world, string seedId) => world.Salesforce is { } salesforce
        ? CrmFields.Of(salesforce, seedId)
        : CrmFields.Of(world.HubSpot!, world.HubSpot!.CompanyIdOf(seedId));

    /// <summary>The shipped model with the buying-committee rule first (any tier, an engagement by a director or above in 14 days).</summary>
    private static string ModelWithDecisionMakerRule()
    {
        var model = JsonNode.Parse(DefaultScoringModel.Json)!;
        model.AsObject().Remove("$schema");
        var rules = model["handoff"]!["rules"]!.AsArray();
        rules.Insert(0, JsonNode.Parse("""
            { "id": "decision-maker-engaged", "match": { "categories": ["Engagement"], "withinDays": 14, "minSeniority": "Director" } }
            """));
        var path = Path.Combine(Path.GetTempPath(), "alignment-buying-committee-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, model.ToJsonString());
        return path;
    }
}
