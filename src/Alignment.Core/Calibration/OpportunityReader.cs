using System.Collections.Immutable;
using System.Text.Json;
using Alignment.Core.Model;

namespace Alignment.Core.Calibration;

/// <summary>
/// Reads the top-level <c>opportunities</c> array of a calibration snapshot (the <c>evaluate</c> snapshot plus
/// <c>[ { "id", "accountId", "createdAt", "closedAt", "won", "amount" } ]</c>, see <c>docs/calibration.md</c>).
/// Instants need an offset; <c>closedAt</c>, <c>won</c> and <c>amount</c> may be null (an open opportunity);
/// unknown members are ignored; bad input yields errors with JSON paths, never an exception.
/// </summary>
public static class OpportunityReader
{
    public static OpportunityReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var context = new JsonReadContext();
        using var document = context.Parse(json, "snapshot");
        if (document is null)
        {
            return OpportunityReadResult.Failure(context.Errors);
        }

        var root = document.RootElement;
        if (!context.CheckObject(root, "$", allowed: null,
                ("opportunities", "[ { \"id\": \"006A01\", \"accountId\": \"001A01\", \"createdAt\": \"2026-03-02T10:00:00Z\", \"closedAt\": \"2026-05-20T16:00:00Z\", \"won\": true, \"amount\": 24000 } ]")))
        {
            return OpportunityReadResult.Failure(context.Errors);
        }

        if (!root.TryGetProperty("opportunities", out var list))
        {
            return OpportunityReadResult.Failure(context.Errors);
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            context.Error("$.opportunities", $"expected an array of opportunities, found {JsonReadContext.KindOf(list.ValueKind)}.");
            return OpportunityReadResult.Failure(context.Errors);
        }

        var result = ImmutableArray.CreateBuilder<Opportunity>(list.GetArrayLength());
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = JsonReadContext.Index("$.opportunities", index);
            if (ReadOne(context, item, path) is { } opportunity)
            {
                if (seen.TryGetValue(opportunity.Id, out var first))
                {
                    context.Error(path + ".id", $"id '{opportunity.Id}' is also used at {JsonReadContext.Index("$.opportunities", first)}; opportunity ids must be unique.");
                }
                else
                {
                    seen[opportunity.Id] = index;
                    result.Add(opportunity);
                }
            }

            index++;
        }

        return context.HasErrors ? OpportunityReadResult.Failure(context.Errors) : OpportunityReadResult.Success(result.ToImmutable());
    }

    private static Opportunity? ReadOne(JsonReadContext context, JsonElement element, string path)
    {
        if (!context.CheckObject(element, path, allowed: null,
                ("id", "\"006A01\""), ("accountId", "\"001A01\""), ("createdAt", "\"2026-03-02T10:00:00Z\"")))
        {
            return null;
        }

        var errorsBefore = context.Errors.Length;
        var id = string.Empty;
        var accountId = string.Empty;
        DateTimeOffset createdAt = default;
        if (element.TryGetProperty("id", out var idElement))
        {
            context.TryGetString(idElement, path + ".id", out id);
        }

        if (element.TryGetProperty("accountId", out var accountElement))
        {
            context.TryGetString(accountElement, path + ".accountId", out accountId);
        }

        if (element.TryGetProperty("createdAt", out var createdElement))
        {
            context.TryGetInstant(createdElement, path + ".createdAt", out createdAt);
        }

        context.TryGetOptionalInstant(element, "closedAt", path, out var closedAt);
        bool? won = null;
        if (element.TryGetProperty("won", out var wonElement) && wonElement.ValueKind != JsonValueKind.Null
            && context.TryGetBoolean(wonElement, path + ".won", out var wonValue))
        {
            won = wonValue;
        }

        decimal? amount = null;
        if (element.TryGetProperty("amount", out var a) && a.ValueKind != JsonValueKind.Null)
        {
            if (a.ValueKind == JsonValueKind.Number && a.TryGetDecimal(out var value) && value >= 0)
            {
                amount = value;
            }
            else
            {
                context.Error(path + ".amount", $"expected a non-negative number such as 24000, found {a.GetRawText()}; use null when unknown.");
            }
        }

        if (closedAt is not null && won is null && context.Errors.Length == errorsBefore)
        {
            context.Error(path + ".won", "a closed opportunity (closedAt set) needs \"won\": true or false; use \"closedAt\": null for an open one.");
        }

        return context.Errors.Length == errorsBefore ? new Opportunity(id, accountId, createdAt, closedAt, won, amount) : null;
    }
}
