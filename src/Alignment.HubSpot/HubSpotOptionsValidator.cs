using Alignment.HubSpot.Crm;
using Microsoft.Extensions.Options;

namespace Alignment.HubSpot;

/// <summary>Checks <see cref="HubSpotOptions"/> on start; every message names the setting and gives an example.</summary>
internal sealed class HubSpotOptionsValidator : IValidateOptions<HubSpotOptions>
{
    private const string S = HubSpotOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, HubSpotOptions options)
    {
        var errors = new List<string>();
        if (options.BaseUrl is null || !options.BaseUrl.IsAbsoluteUri)
        {
            errors.Add($"{S}:BaseUrl must be an absolute URL, e.g. \"https://api.hubapi.com\".");
        }

        if (!IsVersion(options.ApiVersion))
        {
            errors.Add($"{S}:ApiVersion must be a date version or a numbered one, e.g. \"2026-03\" or \"v3\".");
        }

        if (options.OwnersApiVersion is not null && !IsVersion(options.OwnersApiVersion))
        {
            errors.Add($"{S}:OwnersApiVersion must be a date version or a numbered one, e.g. \"v3\".");
        }

        if (string.IsNullOrWhiteSpace(options.AccessToken))
        {
            errors.Add($"{S}:AccessToken is required: the private app's access token, e.g. \"pat-na1-...\" (from Key Vault).");
        }

        if (options.MaxDailyApiShare is <= 0 or > 1)
        {
            errors.Add($"{S}:MaxDailyApiShare must be in (0, 1], e.g. 0.5.");
        }

        if (options.SearchRequestsPerSecond is <= 0 or > 5)
        {
            errors.Add($"{S}:SearchRequestsPerSecond must be in (0, 5], e.g. 4.");
        }

        if (options.BurstLimit < 2 || options.BurstReserve < 0 || options.BurstReserve >= options.BurstLimit)
        {
            errors.Add($"{S}:BurstLimit must be at least 2 and BurstReserve in [0, BurstLimit), e.g. 100 and 5.");
        }

        foreach (var version in options.WebhookSignatureVersions)
        {
            if (version is not ("v1" or "v2" or "v3"))
            {
                errors.Add($"{S}:WebhookSignatureVersions may hold only \"v1\", \"v2\", \"v3\", e.g. [\"v3\"]; found \"{version}\".");
            }
        }

        foreach (var key in options.Properties.Keys)
        {
            if (!Enum.TryParse<Sync.Crm.AlignmentField>(key, ignoreCase: false, out _))
            {
                errors.Add($"{S}:Properties:{key} is not a connector field; use one of {string.Join(", ", Enum.GetNames<Sync.Crm.AlignmentField>())}, e.g. \"{S}:Properties:Score\": \"abm_score\".");
            }
        }

        foreach (var (key, value) in options.Properties)
        {
            if (!HubSpotPropertyMap.IsValidName(value))
            {
                errors.Add($"{S}:Properties:{key} must be a HubSpot internal property name (lower case, digits, underscores), e.g. \"alignment_score\".");
            }
        }

        foreach (var (owner, ownerZone) in options.OwnerTimeZones)
        {
            if (string.IsNullOrWhiteSpace(ownerZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(ownerZone, out _))
            {
                errors.Add($"{S}:OwnerTimeZones:{owner} must be an IANA time zone id, e.g. \"Europe/Berlin\".");
            }
        }

        if (options.DefaultOwnerTimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            errors.Add($"{S}:DefaultOwnerTimeZone must be an IANA time zone id, e.g. \"America/New_York\".");
        }

        var mapping = options.Mapping;
        if (mapping.PageViews)
        {
            if (!IsPattern(mapping.PricingPagePattern))
            {
                errors.Add($"{S}:Mapping:PricingPagePattern must be a regular expression matching the pricing page's address, e.g. \"(?i)/pricing(?:[/?#.]|$)\".");
            }

            if (string.IsNullOrWhiteSpace(mapping.PageViewEventType) || string.IsNullOrWhiteSpace(mapping.PageViewUrlProperty))
            {
                errors.Add($"{S}:Mapping:PageViewEventType and PageViewUrlProperty are required while PageViews is on, e.g. \"e_visited_page\" and \"hs_url\".");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsPattern(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return false;
        }

        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsVersion(string? version) =>
        version is not null
        && (System.Text.RegularExpressions.Regex.IsMatch(version, "^[0-9]{4}-[0-9]{2}$")
            || System.Text.RegularExpressions.Regex.IsMatch(version, "^v[0-9]+$"));
}

/// <summary>Checks the setting attributes of <see cref="HubSpotOptions"/> (generated at build time).</summary>
[OptionsValidator]
internal sealed partial class HubSpotOptionsAnnotationsValidator : IValidateOptions<HubSpotOptions>;
