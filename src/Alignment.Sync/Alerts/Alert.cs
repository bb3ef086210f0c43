using Alignment.Core.Accounts;
using Alignment.Core.Tiers;

namespace Alignment.Sync.Alerts;

/// <summary>
/// An alert to deliver (SLA levels, the handoff DM, a tier-crossing digest). Carries what a person needs to act;
/// rendering is the channel's job. A <see cref="AlertLevel.TierCrossings"/> digest is about a run, not one account:
/// its <see cref="AccountId"/> is the run id, its instants the run's start and its accounts in <see cref="Crossings"/>;
/// a <see cref="AlertLevel.Calibration"/> summary likewise, with its figures in <see cref="Calibration"/>.
/// </summary>
public sealed record Alert
{
    /// <summary>Idempotency key: one per (account, handoff instant, level), e.g. <c>001A..:2026-11-20T15:00:00Z:Breached</c>.</summary>
    public required string Key { get; init; }

    public required AlertLevel Level { get; init; }
    public required string AccountId { get; init; }
    public string? AccountName { get; init; }

    /// <summary>Link to the account in the CRM.</summary>
    public Uri? AccountUrl { get; init; }

    public Tier Tier { get; init; }
    public int? Score { get; init; }
    public string? Reasons { get; init; }
    public required string HandoffRule { get; init; }

    /// <summary>UTC.</summary>
    public required DateTimeOffset HandoffAt { get; init; }

    /// <summary>UTC; shown in the owner's time zone.</summary>
    public required DateTimeOffset SlaDue { get; init; }

    public Owner? Owner { get; init; }

    /// <summary>For <see cref="AlertLevel.Escalated"/>: the configured business hours after the deadline (<c>sla.escalateAfterBusinessHours</c>).</summary>
    public double? EscalateAfterBusinessHours { get; init; }

    /// <summary>For <see cref="AlertLevel.TierCrossings"/>: the crossings listed (at most the configured cap).</summary>
    public IReadOnlyList<TierCrossing>? Crossings { get; init; }

    /// <summary>For <see cref="AlertLevel.TierCrossings"/>: crossings of this run not listed because of the cap.</summary>
    public int CrossingsOmitted { get; init; }

    /// <summary>For <see cref="AlertLevel.Calibration"/>: the month's calibration summary.</summary>
    public Calibration.CalibrationSummary? Calibration { get; init; }

    /// <summary>For <see cref="AlertLevel.WeeklyDigest"/>: the week's scoreboard digest (<see cref="AccountId"/> is the reported week).</summary>
    public Scoreboard.WeeklyDigest? Digest { get; init; }
}
