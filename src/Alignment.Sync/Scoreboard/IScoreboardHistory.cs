namespace Alignment.Sync.Scoreboard;

/// <summary>
/// The stored weekly scoreboard rows (docs/scoreboard.md, "Trend"): one per CRM and team week, saved when the week's
/// digest is recorded, so trends across weeks can be shown without recomputing old weeks.
/// </summary>
public interface IScoreboardHistory
{
    /// <summary>Saves (replaces) the row of its CRM and week.</summary>
    Task SaveAsync(StoredScoreboardWeek row, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="max"/> rows of a CRM, newest week first.</summary>
    Task<IReadOnlyList<StoredScoreboardWeek>> ListAsync(string crm, int max, CancellationToken cancellationToken);
}

/// <summary>A week's scoreboard as saved: the ledger figures and, when the CRM was read, its census at that time.</summary>
public sealed record StoredScoreboardWeek(string Crm, string TimeZone, DateTimeOffset SavedAt, WeeklyScoreboard Scoreboard, AccountCensus? Census);
