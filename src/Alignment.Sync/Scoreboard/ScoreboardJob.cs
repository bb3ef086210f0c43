using Alignment.Core.Calendar;
using Alignment.Sync.History;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Microsoft.Extensions.Options;

namespace Alignment.Sync.Scoreboard;

/// <summary>
/// Reads the handoff history ledger for a team week and the week before (one or two ledger weeks each, never a scan)
/// and builds the <see cref="ScoreboardReport"/> (docs/scoreboard.md). Needs no CRM call.
/// </summary>
public sealed class ScoreboardJob(IHandoffHistory history, AlignmentRules rules, IOptions<SyncOptions> options, TimeProvider time)
{
    private readonly SyncOptions settings = options.Value;

    /// <param name="week">The team week; null: the week holding now.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<ScoreboardReport> RunAsync(IsoWeek? week, CancellationToken cancellationToken)
    {
        var policy = rules.Sla.Policy;
        var zoneId = string.IsNullOrWhiteSpace(settings.ScoreboardTimeZone) ? policy.DefaultTimeZone : settings.ScoreboardTimeZone;
        if (!TimeZones.TryFind(zoneId, out var zone, out var error))
        {
            throw new InvalidOperationException($"{SyncOptions.SectionName}:{nameof(SyncOptions.ScoreboardTimeZone)}: {error}");
        }

        var now = time.GetUtcNow();
        var current = week is { } w ? new TeamWeek(w, zone) : TeamWeek.Of(now, zone);
        var previous = current.Previous();
        var records = new List<HandoffRecord>();
        foreach (var ledgerWeek in previous.LedgerWeeks.Concat(current.LedgerWeeks).Distinct())
        {
            await foreach (var record in history.ListForWeekAsync(ledgerWeek, cancellationToken).ConfigureAwait(false))
            {
                records.Add(record);
            }
        }

        return new ScoreboardReport(
            zone.Id,
            now,
            ScoreboardBuilder.Build(records, current, policy, now, settings.WeeklyHandoffCommitment),
            ScoreboardBuilder.Build(records, previous, policy, now, settings.WeeklyHandoffCommitment));
    }
}
