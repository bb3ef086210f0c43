using System.Collections.Immutable;
using Alignment.Core.Accounts;
using Alignment.Core.Calibration;
using Alignment.Core.Model;
using Alignment.Sync.Crm;

namespace Alignment.Sync.Calibration;

/// <summary>
/// What a live calibration reads from the master CRM (docs/calibration.md, "Live mode"): the opportunities closed in
/// the window, and every account with its signals since the window's start minus the model's longest signal window
/// (so each opportunity can be scored as of its creation), through the same client and API budget as a scoring run.
/// Used by <c>alignment calibrate</c> and the monthly <see cref="CalibrationRunJob"/>.
/// </summary>
public sealed record CalibrationInput(ImmutableArray<Account> Accounts, ImmutableArray<Opportunity> Opportunities, DateTimeOffset AsOf)
{
    /// <summary>Reads the window ending at <paramref name="now"/>; may throw <see cref="CrmException"/>.</summary>
    public static async Task<CalibrationInput> ReadAsync(
        ICrm crm, IOutcomeReader outcomes, AlignmentModel model, int windowDays, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crm);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowDays);
        var since = now.AddDays(-windowDays);
        var opportunities = ImmutableArray.CreateBuilder<Opportunity>();
        await foreach (var opportunity in outcomes.ReadClosedAsync(since, cancellationToken).ConfigureAwait(false))
        {
            opportunities.Add(opportunity);
        }

        var longest = Math.Max(model.Intent.WindowDays, model.Engagement.WindowDays);
        var accounts = ImmutableArray.CreateBuilder<Account>();
        await foreach (var account in crm.ReadAccountsAsync(new CrmReadRequest(null, since.AddDays(-longest)), cancellationToken).ConfigureAwait(false))
        {
            accounts.Add(account.Account);
        }

        return new CalibrationInput(accounts.ToImmutable(), opportunities.ToImmutable(), now);
    }
}
