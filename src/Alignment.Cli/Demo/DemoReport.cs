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

    /// <summary>Handoffs in the handoff history ledger for the simulated week(s), read back at the end.</summary>
    public int HandoffsRecorded { get; init; }

    /// <summary>Rejected handoffs, as the handoff history recorded them from the CRM.</summary>
    public IReadOnlyList<DemoRejection> Rejections { get; init; } = [];
    public required IReadOnlyList<DemoSlackMessage> SlackMessages { get; init; }

    /// <summary>The scoreboard of the simulated week, read after the weekly digest went out (CRM figures included).</summary>
    public Sync.Scoreboard.ScoreboardReport? Scoreboard { get; init; }

    /// <summary>Whether the weekly digest was recorded and posted.</summary>
    public bool DigestSent { get; init; }
    public required DemoApiUsage ApiUsage { get; init; }
    public required TimeSpan Elapsed { get; init; }
}

/// <summary>The scoring run's counts.</summary>
internal sealed record DemoRunSummary(Sync.Runs.RunOutcome Outcome, int Read, int Written, int Handoffs, int ApiCalls, TimeSpan Duration);

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
    string HandoffStatus,
    DateTimeOffset? FirstResponseAt);

/// <summary>A handoff a rep rejected, as read back from the handoff history.</summary>
internal sealed record DemoRejection(string AccountId, string AccountName, string Rule, DateTimeOffset HandoffAt, string? Reason, DateTimeOffset RecordedAt);

/// <summary>A message the Slack sink received, as a person would read it.</summary>
internal sealed record DemoSlackMessage(DateTimeOffset At, string Where, string Text);

/// <summary>API calls: the connector's own count, and what each emulator served.</summary>
internal sealed record DemoApiUsage(int ConnectorCrmCalls, int SalesforceToken, int SalesforceReads, int SalesforceWrites, int SlackRequests);
