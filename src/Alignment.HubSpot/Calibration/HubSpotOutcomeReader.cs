using System.Globalization;
using System.Runtime.CompilerServices;
using Alignment.Core.Calibration;
using Alignment.HubSpot.Crm;
using Alignment.HubSpot.Http;
using Alignment.HubSpot.Wire;
using Alignment.Sync.Calibration;
using Microsoft.Extensions.Options;

namespace Alignment.HubSpot.Calibration;

/// <summary>
/// Deals as outcomes (docs/hubspot.md, "Deals for calibration and conversion"): a deals search (200 a page, ascending
/// by <c>hs_object_id</c>, restarted with <c>hs_object_id &gt;</c> the last id before the search's result cap) on
/// <c>hs_is_closed</c> and <c>closedate</c> (closed deals) or <c>createdate</c> (deals created since), then each page's
/// company associations (v4 batch read, 100 deals a call). Won or lost is HubSpot's own reading of the deal stage's
/// metadata: <c>hs_is_closed_won</c> and <c>hs_is_closed</c>, calculated from the stage's "closed" flag and its
/// probability, so custom pipelines need no mapping. A deal without a company is left out; a deal on several companies
/// counts for the first (the primary when HubSpot lists it first). Every call goes through the same client, rate gate
/// and daily budget as the scoring run.
/// </summary>
internal sealed class HubSpotOutcomeReader(HubSpotClient client, IOptions<HubSpotOptions> options) : IOutcomeReader
{
    public const string ObjectType = "deals";

    internal static readonly string[] Properties = ["amount", "createdate", "closedate", "hs_is_closed", "hs_is_closed_won"];

    public IAsyncEnumerable<Opportunity> ReadClosedAsync(DateTimeOffset closedSince, CancellationToken cancellationToken) =>
        ReadAsync([new SearchFilter("hs_is_closed", "EQ", "true"), new SearchFilter("closedate", "GTE", HubSpotPropertyValues.EpochMilliseconds(closedSince))], cancellationToken);

    public IAsyncEnumerable<Opportunity> ReadCreatedAsync(DateTimeOffset createdSince, CancellationToken cancellationToken) =>
        ReadAsync([new SearchFilter("createdate", "GTE", HubSpotPropertyValues.EpochMilliseconds(createdSince))], cancellationToken);

    private async IAsyncEnumerable<Opportunity> ReadAsync(IReadOnlyList<SearchFilter> filters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var deals in client.SearchAllAsync(ObjectType, filters, Properties, options.Value.SearchResultCap, null, cancellationToken).ConfigureAwait(false))
        {
            var companies = await client.ReadAssociationsAsync(ObjectType, "companies", [.. deals.Select(d => d.Id)], cancellationToken).ConfigureAwait(false);
            foreach (var deal in deals)
            {
                if (companies.TryGetValue(deal.Id, out var ids) && ids.Count > 0 && Map(deal, ids[0]) is { } opportunity)
                {
                    yield return opportunity;
                }
            }
        }
    }

    /// <summary>The deal as an opportunity of <paramref name="companyId"/>; null without a creation date.</summary>
    internal static Opportunity? Map(HubSpotObject deal, string companyId)
    {
        var created = HubSpotPropertyValues.ParseInstant(deal.Get("createdate")) ?? deal.CreatedAt;
        if (created is null)
        {
            return null;
        }

        var closed = HubSpotPropertyValues.ParseBool(deal.Get("hs_is_closed"));
        var closedAt = closed ? HubSpotPropertyValues.ParseInstant(deal.Get("closedate")) : null;
        var amount = decimal.TryParse(deal.Get("amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : (decimal?)null;
        return new Opportunity(deal.Id, companyId, created.Value, closedAt, closedAt is null ? null : HubSpotPropertyValues.ParseBool(deal.Get("hs_is_closed_won")), amount);
    }
}
