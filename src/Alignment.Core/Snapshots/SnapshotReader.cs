using System.Collections.Immutable;
using System.Text.Json;
using Alignment.Core.Accounts;
using Alignment.Core.Calendar;
using Alignment.Core.Model;
using Alignment.Core.Signals;

namespace Alignment.Core.Snapshots;

/// <summary>
/// Reads the snapshot format of docs/snapshot-format.md (input of <c>alignment evaluate</c>, seed of the sandbox). Instants must
/// carry an offset and are converted to UTC; unknown members are ignored; bad input yields errors with JSON paths.
/// </summary>
public static class SnapshotReader
{
    public static SnapshotReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var context = new JsonReadContext();
        using var document = context.Parse(json, "snapshot");
        if (document is null)
        {
            return SnapshotReadResult.Failure(context.Errors);
        }

        var root = document.RootElement;
        if (!context.CheckObject(root, "$", allowed: null, ("accounts", "[ { \"id\": \"001A000001abcDE\", ... } ]")))
        {
            return SnapshotReadResult.Failure(context.Errors);
        }

        context.TryGetOptionalInstant(root, "asOf", "$", out var asOf);
        var accounts = ImmutableArray.CreateBuilder<Account>();
        if (root.TryGetProperty("accounts", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                context.Error("$.accounts", $"expected an array of accounts, found {JsonReadContext.KindOf(list.ValueKind)}.");
            }
            else
            {
                var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var path = JsonReadContext.Index("$.accounts", index);
                    var account = ReadAccount(context, item, path);
                    if (account is not null)
                    {
                        if (seen.TryGetValue(account.Id, out var first))
                        {
                            context.Error(path + ".id", $"id '{account.Id}' is also used at {JsonReadContext.Index("$.accounts", first)}; account ids must be unique.");
                        }
                        else
                        {
                            seen[account.Id] = index;
                            accounts.Add(account);
                        }
                    }

                    index++;
                }
            }
        }

        return context.HasErrors
            ? SnapshotReadResult.Failure(context.Errors)
            : SnapshotReadResult.Success(asOf, accounts.ToImmutable());
    }

    private static Account? ReadAccount(JsonReadContext context, JsonElement element, string path)
    {
        if (!context.CheckObject(element, path, allowed: null, ("id", "\"001A000001abcDE\"")))
        {
            return null;
        }

        var errorsBefore = context.Errors.Length;
        var id = string.Empty;
        if (element.TryGetProperty("id", out var idElement))
        {
            context.TryGetString(idElement, path + ".id", out id);
        }

        context.TryGetOptionalString(element, "name", path, out var name);
        context.TryGetOptionalString(element, "industry", path, out var industry);
        context.TryGetOptionalString(element, "country", path, out var country);
        var employees = ReadOptionalCount(context, element, "employees", path);
        decimal? revenue = null;
        if (element.TryGetProperty("annualRevenue", out var r) && r.ValueKind != JsonValueKind.Null)
        {
            if (r.ValueKind == JsonValueKind.Number && r.TryGetDecimal(out var value) && value >= 0)
            {
                revenue = value;
            }
            else
            {
                context.Error(path + ".annualRevenue", $"expected a non-negative number such as 80000000, found {r.GetRawText()}.");
            }
        }

        var technologies = ReadStrings(context, element, "technologies", path);
        var owner = ReadOwner(context, element, path);
        var current = element.TryGetProperty("current", out var c) && c.ValueKind != JsonValueKind.Null
            ? StateReader.Read(context, c, path + ".current")
            : AlignmentState.Empty;
        var signals = ReadSignals(context, element, path);

        return context.Errors.Length == errorsBefore
            ? new Account
            {
                Id = id,
                Name = name,
                Employees = employees,
                Industry = industry,
                AnnualRevenue = revenue,
                Country = country,
                Technologies = technologies,
                Owner = owner,
                Current = current ?? AlignmentState.Empty,
                Signals = signals,
            }
            : null;
    }

    private static int? ReadOptionalCount(JsonReadContext context, JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var itemPath = JsonReadContext.Child(path, name);
        if (!context.TryGetInteger(element, itemPath, out var value))
        {
            return null;
        }

        if (value < 0)
        {
            context.Error(itemPath, $"cannot be negative (found {value}).");
            return null;
        }

        return value;
    }

    private static ImmutableArray<string> ReadStrings(JsonReadContext context, JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        var listPath = JsonReadContext.Child(path, name);
        if (element.ValueKind != JsonValueKind.Array)
        {
            context.Error(listPath, $"expected an array of strings such as [\"Salesforce\"], found {JsonReadContext.KindOf(element.ValueKind)}.");
            return [];
        }

        var result = ImmutableArray.CreateBuilder<string>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (context.TryGetString(item, JsonReadContext.Index(listPath, index++), out var text))
            {
                result.Add(text);
            }
        }

        return result.ToImmutable();
    }

    private static Owner? ReadOwner(JsonReadContext context, JsonElement parent, string path)
    {
        if (!parent.TryGetProperty("owner", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var ownerPath = path + ".owner";
        if (!context.CheckObject(element, ownerPath, allowed: null, ("id", "\"005A0000001xyZ\"")))
        {
            return null;
        }

        var id = string.Empty;
        var ok = element.TryGetProperty("id", out var idElement) && context.TryGetString(idElement, ownerPath + ".id", out id);
        ok &= context.TryGetOptionalString(element, "email", ownerPath, out var email);
        ok &= context.TryGetOptionalString(element, "timeZone", ownerPath, out var timeZone);
        ok &= context.TryGetOptionalString(element, "managerId", ownerPath, out var managerId);
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            timeZone = null;
        }
        else if (!TimeZones.TryFind(timeZone, out _, out var zoneError))
        {
            context.Error(ownerPath + ".timeZone", zoneError + " Use null for the configured default zone.");
            ok = false;
        }

        return ok ? new Owner(id, email, timeZone, managerId) : null;
    }

    private static ImmutableArray<Signal> ReadSignals(JsonReadContext context, JsonElement parent, string path)
    {
        if (!parent.TryGetProperty("signals", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        var listPath = path + ".signals";
        if (element.ValueKind != JsonValueKind.Array)
        {
            context.Error(listPath, $"expected an array of signals, found {JsonReadContext.KindOf(element.ValueKind)}.");
            return [];
        }

        var result = ImmutableArray.CreateBuilder<Signal>(element.GetArrayLength());
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (ReadSignal(context, item, JsonReadContext.Index(listPath, index++)) is { } signal)
            {
                result.Add(signal);
            }
        }

        return result.ToImmutable();
    }

    private static Signal? ReadSignal(JsonReadContext context, JsonElement element, string path)
    {
        if (!context.CheckObject(element, path, allowed: null, ("kind", "\"PricingPageView\""), ("at", "\"2026-11-19T10:00:00Z\"")))
        {
            return null;
        }

        var errorsBefore = context.Errors.Length;
        SignalKind kind = default;
        if (element.TryGetProperty("kind", out var kindElement) && context.TryGetString(kindElement, path + ".kind", out var kindText)
            && !SignalKinds.TryParse(kindText, out kind))
        {
            context.Error(path + ".kind", $"unknown signal kind '{kindText}'; use one of: {string.Join(", ", Enum.GetNames<SignalKind>())} (case-sensitive).");
        }

        DateTimeOffset at = default;
        if (element.TryGetProperty("at", out var atElement))
        {
            context.TryGetInstant(atElement, path + ".at", out at);
        }

        context.TryGetOptionalString(element, "contactId", path, out var contactId);
        context.TryGetOptionalString(element, "subject", path, out var subject);
        context.TryGetOptionalString(element, "topic", path, out var topic);
        double? strength = null;
        if (element.TryGetProperty("strength", out var s) && s.ValueKind != JsonValueKind.Null
            && context.TryGetNumber(s, path + ".strength", out var value))
        {
            if (value is < 0 or > 1)
            {
                context.Error(path + ".strength", $"strength is a fraction in [0, 1] (found {ModelSection.Format(value)}); e.g. 0.8, or null for 1.");
            }

            strength = value;
        }

        // The contact's level (buying-committee rules): a level's name, or a job title to classify.
        Seniority? seniority = null;
        if (context.TryGetOptionalString(element, "seniority", path, out var level) && !string.IsNullOrEmpty(level))
        {
            if (SeniorityTitles.TryParseLevel(level, out var parsed))
            {
                seniority = parsed;
            }
            else
            {
                context.Error(path + ".seniority", $"unknown seniority '{level}'; use one of: {string.Join(", ", Enum.GetNames<Seniority>())} (case-sensitive), or null.");
            }
        }

        if (context.TryGetOptionalString(element, "contactTitle", path, out var title) && seniority is null)
        {
            seniority = SeniorityTitles.Classify(title);
        }

        return context.Errors.Length == errorsBefore
            ? new Signal(kind, at, string.IsNullOrEmpty(contactId) ? null : contactId, subject, topic, strength, seniority)
            : null;
    }
}
