using Microsoft.Extensions.Options;

namespace Alignment.Sync.Settings;

/// <summary>
/// The <see cref="SyncOptions"/> rules data annotations cannot state: the scoreboard link's scheme, the team's time zone
/// (looked up), and the back-off ceiling against its base. Messages name the setting and give an example.
/// </summary>
public sealed class SyncOptionsValidator : IValidateOptions<SyncOptions>
{
    private const string Prefix = SyncOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
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

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>Checks the data annotations of <see cref="SyncOptions"/> (generated at build time, no reflection).</summary>
[OptionsValidator]
public sealed partial class SyncOptionsAnnotationsValidator : IValidateOptions<SyncOptions>;
