using System.Collections.Immutable;
using Alignment.Core.Accounts;
using Alignment.Core.Calibration;
using Alignment.Core.Model;
using Alignment.Sync.Calibration;
using Alignment.Sync.Crm;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Cli.Calibrate;

/// <summary>
/// Live mode of <c>alignment calibrate</c>: what <see cref="CalibrationInput"/> reads from the configured CRM (the
/// same read as the monthly calibration timer).
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
        var input = await CalibrationInput.ReadAsync(crm, outcomes, model, windowDays, now, cancellationToken).ConfigureAwait(false);
        return new LiveCalibrationSource(input.Accounts, input.Opportunities, input.AsOf);
    }
}
