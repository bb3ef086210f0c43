using Alignment.Core.Sla;
using Alignment.EndToEnd.Tests.Support;
using Alignment.Sandbox.Slack;
using Alignment.TestKit.Azurite;

namespace Alignment.EndToEnd.Tests.Slack;

/// <summary>Slack rate-limits or fails: the alert stays pending in the ledger and goes out once when Slack answers again.</summary>
public sealed class SlackFaultTests(AzuriteFixture azurite)
{
    public static TheoryData<string, int> Faults => new()
    {
        { "429", 8 },
        { "500", 3 },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Sweep_SlackFailingThenBack_EachAlertPostedOnce(string fault, int times)
    {
        var breached = Snapshot.Breached();
        await using var world = await World.StartSalesforceAsync(azurite, Snapshot.AsOf, [breached]);
        world.Slack.InjectFault(fault == "429" ? SlackFault.RateLimited(5, "chat.postMessage") : SlackFault.ServerError("chat.postMessage"), times);

        var first = await world.SweepAsync(world.NewProcess());
        var postedWhileFailing = world.Slack.Messages.Count;
        var sweeps = 0;
        for (; sweeps < 10 && world.Slack.Messages.Count < 2; sweeps++)
        {
            world.MoveTo(world.Time.GetUtcNow().AddMinutes(30));
            await world.SweepAsync(world.NewProcess());
        }

        world.MoveTo(world.Time.GetUtcNow().AddHours(2));
        var last = await world.SweepAsync(world.NewProcess());

        Assert.Equal(2, first.AlertsDue);
        Assert.True(first.AlertsRetrying > 0, "some alert waits for a retry");
        Assert.True(postedWhileFailing < 2);
        Assert.Equal(0, last.AlertsSent + last.AlertsRetrying + last.AlertsDue);
        var handoffAt = breached.Current.HandoffAt!.Value;
        Assert.Equal(
            [
                (World.AlertChannel, Expected.AlertKey(breached.Id, handoffAt, SlaAlertLevel.Breached)),
                (World.EscalationChannel, Expected.AlertKey(breached.Id, handoffAt, SlaAlertLevel.Escalated)),
            ],
            Assertions.Alerts(world).Order());
    }
}
