using Alignment.HubSpot.Http;
using Alignment.HubSpot.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.HubSpot.Setup;

/// <summary>
/// Creates the <c>alignment</c> property group and the connector's company properties (from
/// <c>infra/hubspot/alignment-properties.json</c>). Idempotent: what exists is left alone; a property of the same name
/// with another type is reported as a conflict, never overwritten.
/// </summary>
public sealed class HubSpotPropertySetup
{
    private readonly HubSpotClient _client;
    private readonly HubSpotOptions _options;
    private readonly ILogger<HubSpotPropertySetup> _logger;

    internal HubSpotPropertySetup(HubSpotClient client, IOptions<HubSpotOptions> options, ILogger<HubSpotPropertySetup> logger)
    {
        _client = client;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<HubSpotPropertySetupResult> EnsureAsync(CancellationToken cancellationToken)
    {
        var file = HubSpotPropertyDefinitions.Raw;
        var objectType = file.ObjectType;
        var entries = new List<HubSpotPropertySetupEntry>();

        var group = await _client.GetGroupAsync(objectType, file.Group.Name, cancellationToken).ConfigureAwait(false);
        var groupCreated = group is null && await _client.CreateGroupAsync(objectType, file.Group, cancellationToken).ConfigureAwait(false);
        entries.Add(new HubSpotPropertySetupEntry(file.Group.Name, "group", groupCreated ? HubSpotPropertyOutcome.Created : HubSpotPropertyOutcome.AlreadyPresent));

        foreach (var wanted in HubSpotPropertyDefinitions.For(_options.PropertyMap()))
        {
            var existing = await _client.GetPropertyAsync(objectType, wanted.Name, cancellationToken).ConfigureAwait(false);
            if (existing is null && await _client.CreatePropertyAsync(objectType, wanted, cancellationToken).ConfigureAwait(false))
            {
                entries.Add(Log(new HubSpotPropertySetupEntry(wanted.Name, "property", HubSpotPropertyOutcome.Created)));
                continue;
            }

            // Created by someone else meanwhile (409): look at it.
            existing ??= await _client.GetPropertyAsync(objectType, wanted.Name, cancellationToken).ConfigureAwait(false);
            var conflict = existing is null ? null : ConflictOf(wanted, existing);
            entries.Add(Log(conflict is null
                ? new HubSpotPropertySetupEntry(wanted.Name, "property", HubSpotPropertyOutcome.AlreadyPresent)
                : new HubSpotPropertySetupEntry(wanted.Name, "property", HubSpotPropertyOutcome.Conflict, conflict)));
        }

        return new HubSpotPropertySetupResult(objectType, entries);
    }

    private HubSpotPropertySetupEntry Log(HubSpotPropertySetupEntry entry)
    {
        HubSpotLog.PropertySetup(_logger, entry.Name, entry.Outcome.ToString());
        return entry;
    }

    private static string? ConflictOf(PropertyDto wanted, PropertyDto existing)
    {
        if (!string.Equals(wanted.Type, existing.Type, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(wanted.FieldType, existing.FieldType, StringComparison.OrdinalIgnoreCase))
        {
            return $"exists as {existing.Type}/{existing.FieldType}, the connector needs {wanted.Type}/{wanted.FieldType}; " +
                "rename or delete the existing property in HubSpot, or map the field to another name under " +
                $"{HubSpotOptions.SectionName}:Properties";
        }

        if (wanted.Type == "enumeration" && wanted.Options is { } options)
        {
            var missing = options.Select(o => o.Value).Except((existing.Options ?? []).Select(o => o.Value), StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                return $"lacks the options {string.Join(", ", missing)}; add them in HubSpot";
            }
        }

        return null;
    }
}
