using System.Globalization;
using System.Numerics;
using Alignment.HubSpot.Http;
using Alignment.HubSpot.Wire;
using Alignment.Sync.Crm;

namespace Alignment.HubSpot.Partitions;

/// <summary>
/// Plans HubSpot partitions with two search calls (docs/partitions.md): the lowest <c>hs_object_id</c> (with the
/// total) and the highest; the id interval is cut into <c>ceil(total / partitionSize)</c> equal numeric ranges. HubSpot
/// hands out company ids in increasing order, so ranges hold roughly equal numbers of companies; a range's
/// <see cref="AccountRange.Count"/> is the estimate <c>total / ranges</c>. Every id falls in exactly one range (the
/// first and last are open).
/// </summary>
internal sealed class HubSpotPartitioner(HubSpotClient client) : IAccountPartitioner
{
    public async Task<IReadOnlyList<AccountRange>> PlanAsync(int partitionSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionSize, 1);
        var lowest = await EdgeAsync("ASCENDING", cancellationToken).ConfigureAwait(false);
        if (lowest.Total <= partitionSize || lowest.Results is not [var first, ..])
        {
            return [new AccountRange(null, null, lowest.Total)];
        }

        var highest = await EdgeAsync("DESCENDING", cancellationToken).ConfigureAwait(false);
        var last = highest.Results is [var h, ..] ? h.Id : first.Id;
        return Cut(BigInteger.Parse(first.Id, CultureInfo.InvariantCulture), BigInteger.Parse(last, CultureInfo.InvariantCulture), lowest.Total, partitionSize);
    }

    /// <summary>Equal numeric ranges over [<paramref name="min"/>, <paramref name="max"/>], open at both ends.</summary>
    internal static IReadOnlyList<AccountRange> Cut(BigInteger min, BigInteger max, int total, int partitionSize)
    {
        var count = (int)Math.Max(1, Math.Min((total + (long)partitionSize - 1) / partitionSize, (long)(max - min + 1)));
        var width = max - min + 1;
        var ranges = new List<AccountRange>(count);
        for (var i = 0; i < count; i++)
        {
            var from = i == 0 ? null : (min + (width * i / count)).ToString(CultureInfo.InvariantCulture);
            var to = i == count - 1 ? null : (min + (width * (i + 1) / count)).ToString(CultureInfo.InvariantCulture);
            ranges.Add(new AccountRange(from, to, (int)(((long)total * (i + 1) / count) - ((long)total * i / count))));
        }

        return ranges;
    }

    private Task<SearchResponse> EdgeAsync(string direction, CancellationToken cancellationToken) =>
        client.SearchAsync("companies", new SearchRequest([], [new SearchSort("hs_object_id", direction)], ["hs_object_id"], 1, "0"), cancellationToken);
}
