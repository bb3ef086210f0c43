using Alignment.HubSpot.Http;
using Alignment.HubSpot.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.HubSpot.Setup;

/// <summary>
/// Creates the <c>alignment</c> property group and the connector's company properties (from
/// <c>infra/hubspot/alignment-properties.json</c>), then the scoreboard's active lists on them
/// (<see cref="HubSpotListDefinitions"/>). Idempotent: what exists is left alone; a property of the same name with another
/// type is reported as a conflict, never overwritten; a list of the same name with other filters is reported as
/// <see cref="HubSpotSetupOutcome.Differs"/> and kept (someone may have tuned it).
/// </summary>
public sealed class HubSpotPortalSetup
{
    private readonly HubSpotClient _client;
    private readonly HubSpotOptions _options;
    private readonly ILogger<HubSpotPortalSetup> _logger;

    internal HubSpotPortalSetup(HubSpotClient client, IOptions<HubSpotOptions> options, ILogger<HubSpotPortalSetup> logger)
    {
        _client = client;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<HubSpotPortalSetupResult> EnsureAsync(CancellationToken cancellationToken)
    {
        var file = HubSpotPropertyDefinitions.Raw;
        var objectType = file.ObjectType;
        var entries = new List<HubSpotPortalSetupEntry>();

        var group = await _client.GetGroupAsync(objectType, file.Group.Name, cancellationToken).ConfigureAwait(false);
        var groupCreated = group is null && await _client.CreateGroupAsync(objectType, file.Group, cancellationToken).ConfigureAwait(false);
        entries.Add(new HubSpotPortalSetupEntry(file.Group.Name, "group", groupCreated ? HubSpotSetupOutcome.Created : HubSpotSetupOutcome.AlreadyPresent));

        foreach (var wanted in HubSpotPropertyDefinitions.For(_options.PropertyMap()))
        {
            var existing = await _client.GetPropertyAsync(objectType, wanted.Name, cancellationToken).ConfigureAwait(false);
            if (existing is null && await _client.CreatePropertyAsync(objectType, wanted, cancellationToken).ConfigureAwait(false))
            {
                entries.Add(Log(new HubSpotPortalSetupEntry(wanted.Name, "property", HubSpotSetupOutcome.Created)));
                continue;
            }

            // Created by someone else meanwhile (409): look at it.
            existing ??= await _client.GetPropertyAsync(objectType, wanted.Name, cancellationToken).ConfigureAwait(false);
            var conflict = existing is null ? null : ConflictOf(wanted, existing);
            entries.Add(Log(conflict is null
                ? new HubSpotPortalSetupEntry(wanted.Name, "property", HubSpotSetupOutcome.AlreadyPresent)
                : new HubSpotPortalSetupEntry(wanted.Name, "property", HubSpotSetupOutcome.Conflict, conflict)));
        }

        var map = _options.PropertyMap();
        var conflicting = entries.Where(e => e.Outcome == HubSpotSetupOutcome.Conflict).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var wanted in HubSpotListDefinitions.For(map))
        {
            try
            {
                entries.Add(Log(await EnsureListAsync(wanted, conflicting, cancellationToken).ConfigureAwait(false)));
            }
            catch (HubSpotException e) when (e.StatusCode == 403)
            {
                // The properties are in place; only the lists need the scopes. One entry says so, the rest are not tried.
                entries.Add(Log(new HubSpotPortalSetupEntry("scoreboard lists", "list", HubSpotSetupOutcome.Conflict,
                    "HubSpot refused the Lists API (403 " + (e.Category ?? "FORBIDDEN") + "): give the app the crm.lists.read and crm.lists.write scopes and run setup again")));
                break;
            }
        }

        return new HubSpotPortalSetupResult(objectType, entries);
    }

    private async Task<HubSpotPortalSetupEntry> EnsureListAsync(ListCreateRequest wanted, HashSet<string> conflicting, CancellationToken cancellationToken)
    {
        var blocked = wanted.FilterBranch.FilterBranches.SelectMany(b => b.Filters).Select(f => f.Property).Where(conflicting.Contains).ToList();
        if (blocked.Count > 0)
        {
            return new HubSpotPortalSetupEntry(wanted.Name, "list", HubSpotSetupOutcome.Conflict,
                $"not created: it filters on {string.Join(", ", blocked)}, which conflicts (above); resolve that and run setup again");
        }

        var existing = await _client.GetListByNameAsync(wanted.ObjectTypeId, wanted.Name, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            existing = await _client.CreateListAsync(wanted, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                return new HubSpotPortalSetupEntry(wanted.Name, "list", HubSpotSetupOutcome.Created);
            }

            // Created by someone else meanwhile (409): look at it.
            existing = await _client.GetListByNameAsync(wanted.ObjectTypeId, wanted.Name, cancellationToken).ConfigureAwait(false);
        }

        if (existing is null)
        {
            return new HubSpotPortalSetupEntry(wanted.Name, "list", HubSpotSetupOutcome.Conflict,
                "HubSpot refused to create it as a duplicate but does not return it by name; look for the list in HubSpot");
        }

        if (!string.Equals(existing.ObjectTypeId, wanted.ObjectTypeId, StringComparison.Ordinal)
            || !string.Equals(existing.ProcessingType, wanted.ProcessingType, StringComparison.Ordinal))
        {
            return new HubSpotPortalSetupEntry(wanted.Name, "list", HubSpotSetupOutcome.Conflict,
                $"exists as a {existing.ProcessingType} list of object type {existing.ObjectTypeId}; the connector needs an active " +
                "(DYNAMIC) company list: rename or delete the existing list in HubSpot");
        }

        return HubSpotListDefinitions.Canonical(existing.FilterBranch) == HubSpotListDefinitions.Canonical(wanted.FilterBranch)
            ? new HubSpotPortalSetupEntry(wanted.Name, "list", HubSpotSetupOutcome.AlreadyPresent)
            : new HubSpotPortalSetupEntry(wanted.Name, "list", HubSpotSetupOutcome.Differs,
                "its filters differ from the connector's (docs/hubspot.md, \"Lists\"); kept as is — delete it in HubSpot to have setup recreate it");
    }

    private HubSpotPortalSetupEntry Log(HubSpotPortalSetupEntry entry)
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
