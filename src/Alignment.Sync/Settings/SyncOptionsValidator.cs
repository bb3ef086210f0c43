using Microsoft.Extensions.Options;

namespace Alignment.Sync.Settings;

/// <summary>Validates <see cref="SyncOptions"/> on start; messages name the setting and give an example.</summary>
public sealed class SyncOptionsValidator : IValidateOptions<SyncOptions>
{
    private const string Prefix = SyncOptions.SectionName + ":";
    private static readonly TimeSpan MaxDrainTimeLimit = TimeSpan.FromMinutes(25);

    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Range(errors, nameof(SyncOptions.WriteBatchSize), options.WriteBatchSize, 1, 2000, "200");
        Range(errors, nameof(SyncOptions.FullRescoreHourUtc), options.FullRescoreHourUtc, 0, 23, "2");
        Range(errors, nameof(SyncOptions.PartitionSize), options.PartitionSize, 1_000, 500_000, "50000");
        Range(errors, nameof(SyncOptions.SignalLookbackDays), options.SignalLookbackDays, 1, 730, "90");
        Range(errors, nameof(SyncOptions.MaxInboxAttempts), options.MaxInboxAttempts, 1, 100, "8");
        Range(errors, nameof(SyncOptions.InboxBatchSize), options.InboxBatchSize, 1, 5000, "1000");
        Range(errors, nameof(SyncOptions.MaxAlertAttempts), options.MaxAlertAttempts, 1, 100, "5");
        Range(errors, nameof(SyncOptions.MaxTierCrossingsListed), options.MaxTierCrossingsListed, 0, 200, "20");
        Range(errors, nameof(SyncOptions.CalibrationWindowDays), options.CalibrationWindowDays, 30, 1095, "365");
        Positive(errors, nameof(SyncOptions.PartitionRunMaxAge), options.PartitionRunMaxAge, "20:00:00");
        Positive(errors, nameof(SyncOptions.InboxLease), options.InboxLease, "00:05:00");
        Positive(errors, nameof(SyncOptions.BackoffBase), options.BackoffBase, "00:00:30");
        Positive(errors, nameof(SyncOptions.AlertSendingTimeout), options.AlertSendingTimeout, "00:02:00");
        if (options.InboxDrainTimeLimit <= TimeSpan.Zero || options.InboxDrainTimeLimit > MaxDrainTimeLimit)
        {
            errors.Add($"{Prefix}{nameof(SyncOptions.InboxDrainTimeLimit)} must be a positive duration of at most 00:25:00 (headroom under the Functions timeout of host.json), e.g. \"00:04:00\".");
        }

        if (options.WeeklyHandoffCommitment is < 0 or > 1_000_000)
        {
            errors.Add($"{Prefix}{nameof(SyncOptions.WeeklyHandoffCommitment)} must be between 0 and 1000000 handoffs a week, e.g. 40.");
        }

        if (options.ScoreboardUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http")))
        {
            errors.Add($"{Prefix}{nameof(SyncOptions.ScoreboardUrl)} must be an absolute https URL of the scoreboard in the CRM, e.g. https://example.lightning.force.com/lightning/r/Dashboard/01ZXXXXXXXXXXXXXXX/view.");
        }

        if (!string.IsNullOrWhiteSpace(options.ScoreboardTimeZone) && !Core.Calendar.TimeZones.TryFind(options.ScoreboardTimeZone, out _, out var zoneError))
        {
            errors.Add($"{Prefix}{nameof(SyncOptions.ScoreboardTimeZone)}: {zoneError} Use an IANA id, e.g. \"America/New_York\".");
        }

        if (options.MaxBackoff < options.BackoffBase)
        {
            errors.Add($"{Prefix}{nameof(SyncOptions.MaxBackoff)} must be at least {nameof(SyncOptions.BackoffBase)}, e.g. \"01:00:00\".");
        }

        if (string.IsNullOrWhiteSpace(options.ModelPath))
        {
            errors.Add($"{Prefix}{nameof(SyncOptions.ModelPath)} is required, e.g. \"config/scoring.json\".");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Range(List<string> errors, string setting, int value, int min, int max, string example)
    {
        if (value < min || value > max)
        {
            errors.Add($"{Prefix}{setting} must be between {min} and {max}, e.g. {example}.");
        }
    }

    private static void Positive(List<string> errors, string setting, TimeSpan value, string example)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}{setting} must be a positive duration, e.g. \"{example}\".");
        }
    }
}
