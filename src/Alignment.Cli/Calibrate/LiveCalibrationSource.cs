using System.Collections.Immutable;
using Alignment.Core.Accounts;
using Alignment.Core.Calibration;
using Alignment.Core.Model;
using Alignment.Sync.Calibration;
using Alignment.Sync.Crm;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Cli.Calibrate;

/// <summary>
/// Live mode of <c>alignment calibrate</c>: every account of the configured CRM with its signals since the window's
/// start minus the model's longest window (so each opportunity can be scored as of its creation), and the
/// opportunities closed in the window, through the same API client and budget as a scoring run.
/// </summary>
internal sealed record LiveCalibrationSource(ImmutableArray<Account> Accounts, ImmutableArray<Opportunity> Opportunities, DateTimeOffset AsOf)
{
    public static async Task<LiveCalibrationSource?> ReadAsync(IServiceProvider services, AlignmentModel model, int windowDays, TextWriter stderr, CancellationToken cancellationToken)
    {
        var crm = services.GetRequiredService<ICrm>();
        if (services.GetService<IOutcomeReader>() is not { } outcomes)
        {
            await stderr.WriteLineAsync($"alignment calibrate: reading outcomes from {crm.Name} is not available yet; export a snapshot with opportunities and pass --input FILE (docs/calibration.md).").ConfigureAwait(false);
            return null;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
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

        return new LiveCalibrationSource(accounts.ToImmutable(), opportunities.ToImmutable(), now);
    }
}
