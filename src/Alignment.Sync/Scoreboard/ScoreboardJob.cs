using Alignment.Core.Accounts;
using Alignment.Core.Calendar;
using Alignment.Core.Calibration;
using Alignment.Sync.Calibration;
using Alignment.Sync.Crm;
using Alignment.Sync.History;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Microsoft.Extensions.Options;

namespace Alignment.Sync.Scoreboard;

/// <summary>
/// Builds the <see cref="ScoreboardReport"/> (docs/scoreboard.md): the handoff history ledger and the write log's
/// movements for a team week and the week before (one or two ledger partitions each, never a scan), the stored rows
/// of earlier weeks, and — when asked to read the CRM — the accounts as they are now (one streamed read with 14 days
/// of signals) and the conversion of the handoffs of 30 to 90 days ago (their accounts by id, and the opportunities
/// created since, where the CRM has an outcome reader).
/// </summary>
public sealed class ScoreboardJob(
    IHandoffHistory history,
    IWriteLog writeLog,
    IScoreboardHistory stored,
    ICrm crm,
    IEnumerable<IOutcomeReader> outcomes,
    AlignmentRules rules,
    IOptions<SyncOptions> options,
    TimeProvider time)
{
    /// <summary>Stored weeks shown as the trend.</summary>
    public const int TrendWeeks = 8;

    private const int AccountBatch = 200;
    private readonly SyncOptions _settings = options.Value;

    /// <summary>The team's time zone (the setting, else the model's default SLA zone).</summary>
    public TimeZoneInfo Zone()
    {
        var zoneId = string.IsNullOrWhiteSpace(_settings.ScoreboardTimeZone) ? rules.Sla.Policy.DefaultTimeZone : _settings.ScoreboardTimeZone;
        return TimeZones.TryFind(zoneId, out var zone, out var error)
            ? zone
            : throw new InvalidOperationException($"{SyncOptions.SectionName}:{nameof(SyncOptions.ScoreboardTimeZone)}: {error}");
    }

    /// <param name="week">The team week; null: the week holding now.</param>
    /// <param name="readCrm">Also read the CRM (census and conversion); the ledger figures need no CRM call.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<ScoreboardReport> RunAsync(IsoWeek? week, bool readCrm, CancellationToken cancellationToken)
    {
        var zone = Zone();
        var policy = rules.Sla.Policy;
        var now = time.GetUtcNow();
        var current = week is { } w ? new TeamWeek(w, zone) : TeamWeek.Of(now, zone);
        var previous = current.Previous();
        var ledgerWeeks = previous.LedgerWeeks.Concat(current.LedgerWeeks).Distinct().ToList();
        var records = await HandoffsAsync(ledgerWeeks, cancellationToken).ConfigureAwait(false);
        var movements = new List<AccountChange>();
        foreach (var ledgerWeek in ledgerWeeks)
        {
            await foreach (var movement in writeLog.ListMovementsForWeekAsync(ledgerWeek, cancellationToken).ConfigureAwait(false))
            {
                movements.Add(movement);
            }
        }

        var trend = (await stored.ListAsync(crm.Name, TrendWeeks + 1, cancellationToken).ConfigureAwait(false))
            .Where(r => string.CompareOrdinal(r.Scoreboard.Week, current.ToString()) < 0)
            .Take(TrendWeeks)
            .ToList();
        var report = new ScoreboardReport(
            zone.Id,
            now,
            ScoreboardBuilder.Build(records, current, policy, now, _settings.WeeklyHandoffCommitment, movements),
            ScoreboardBuilder.Build(records, previous, policy, now, _settings.WeeklyHandoffCommitment, movements))
        {
            Trend = trend,
        };
        return readCrm ? await WithCrmAsync(report, now, cancellationToken).ConfigureAwait(false) : report;
    }

    private async Task<ScoreboardReport> WithCrmAsync(ScoreboardReport report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tally = new AccountCensus.Tally(now);
        var read = new CrmReadRequest(ModifiedSince: null, SignalsSince: now.AddDays(-AccountCensus.CoverageDays));
        await foreach (var account in crm.ReadAccountsAsync(read, cancellationToken).ConfigureAwait(false))
        {
            tally.Add(account.Account);
        }

        var longest = Conversion.Windows.Max();
        var (earliest, _) = Conversion.CohortOf(longest, now);
        var (_, latest) = Conversion.CohortOf(Conversion.Windows.Min(), now);
        var weeks = new List<IsoWeek>();
        for (var at = earliest; IsoWeek.Of(at).Start < latest; at = at.AddDays(7))
        {
            weeks.Add(IsoWeek.Of(at));
        }

        var cohort = (await HandoffsAsync([.. weeks.Distinct()], cancellationToken).ConfigureAwait(false))
            .Where(h => h.HandoffAt >= earliest && h.HandoffAt < latest)
            .ToList();
        var accounts = new Dictionary<string, Account>(StringComparer.Ordinal);
        foreach (var batch in cohort.Select(h => h.AccountId).Distinct(StringComparer.Ordinal).Chunk(AccountBatch))
        {
            foreach (var account in await crm.GetAccountsAsync(batch, earliest, cancellationToken).ConfigureAwait(false))
            {
                accounts[account.Account.Id] = account.Account;
            }
        }

        var notes = new List<string>();
        ILookup<string, Opportunity>? opportunities = null;
        if (outcomes.FirstOrDefault() is { } reader)
        {
            var created = new List<Opportunity>();
            await foreach (var opportunity in reader.ReadCreatedAsync(earliest, cancellationToken).ConfigureAwait(false))
            {
                created.Add(opportunity);
            }

            opportunities = created.ToLookup(o => o.AccountId, StringComparer.Ordinal);
        }
        else
        {
            notes.Add($"Conversion to opportunities: the {crm.Name} adapter reads no opportunities or deals yet; meetings only.");
        }

        return report with
        {
            Census = tally.ToCensus(),
            Conversions = [.. Conversion.Windows.Select(days => Conversion.From(days, now, cohort, accounts, opportunities))],
            Notes = notes,
        };
    }

    private async Task<List<HandoffRecord>> HandoffsAsync(IReadOnlyList<IsoWeek> weeks, CancellationToken cancellationToken)
    {
        var records = new List<HandoffRecord>();
        foreach (var ledgerWeek in weeks)
        {
            await foreach (var record in history.ListForWeekAsync(ledgerWeek, cancellationToken).ConfigureAwait(false))
            {
                records.Add(record);
            }
        }

        return records;
    }
}
