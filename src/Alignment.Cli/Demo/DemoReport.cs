using Alignment.Core.Tiers;

namespace Alignment.Cli.Demo;

/// <summary>What the demo did and found; rendered as tables, or printed with <c>--json</c>.</summary>
internal sealed record DemoReport
{
    public required DateTimeOffset SimulatedStart { get; init; }
    public required DateTimeOffset SimulatedEnd { get; init; }
    public required int Seed { get; init; }
    public required int Accounts { get; init; }
    public required string ModelVersion { get; init; }

    /// <summary>Accounts per tier after the scoring run, every tier listed.</summary>
    public required IReadOnlyDictionary<Tier, int> Tiers { get; init; }

    public required DemoRunSummary Scoring { get; init; }
    public required IReadOnlyList<DemoHandoff> Handoffs { get; init; }
    public IEnumerable<DemoHandoff> Breaches => Handoffs.Where(h => h.SlaStatus == "Breached");
    public required int Sweeps { get; init; }
    public required IReadOnlyList<DemoSlackMessage> SlackMessages { get; init; }
    public required DemoApiUsage ApiUsage { get; init; }
    public required TimeSpan Elapsed { get; init; }
}

/// <summary>The scoring run's counts.</summary>
internal sealed record DemoRunSummary(string Outcome, int Read, int Written, int Handoffs, int ApiCalls, TimeSpan Duration);

/// <summary>One handoff the scoring run made and how its SLA ended the day.</summary>
internal sealed record DemoHandoff(
    string AccountId,
    string AccountName,
    Tier Tier,
    string Rule,
    DateTimeOffset HandoffAt,
    DateTimeOffset SlaDue,
    string OwnerTimeZone,
    string SlaStatus,
    DateTimeOffset? FirstResponseAt);

/// <summary>A message the Slack sink received, as a person would read it.</summary>
internal sealed record DemoSlackMessage(DateTimeOffset At, string Where, string Text);

/// <summary>API calls: the connector's own count, and what each emulator served.</summary>
internal sealed record DemoApiUsage(int ConnectorCrmCalls, int SalesforceToken, int SalesforceReads, int SalesforceWrites, int SlackRequests);
