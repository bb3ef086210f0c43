using Alignment.Salesforce.Bulk;
using Alignment.Salesforce.Http;
using Alignment.Salesforce.Mapping;
using Alignment.Salesforce.Soql;
using Alignment.Sync.Crm;

namespace Alignment.Salesforce.Partitions;

/// <summary>
/// Plans Salesforce partitions from the account ids in id order (docs/partitions.md): one REST page first (2,000 ids,
/// one call); an org that fits in it is one partition. A larger org's ids are streamed from one Bulk API 2.0 query job
/// (ids only, about 20 bytes a row; nothing but the boundaries is kept) and cut every <c>partitionSize</c> ids, so the
/// ranges hold equal numbers of accounts whatever the id distribution.
/// </summary>
internal sealed class SalesforcePartitioner(SalesforceApiClient api, SalesforceBulkReader bulk) : IAccountPartitioner
{
    public async Task<IReadOnlyList<AccountRange>> PlanAsync(int partitionSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionSize, 1);
        var first = await api.QueryAsync(SalesforceQueryBuilder.AccountIds, cancellationToken).ConfigureAwait(false);
        if (first.Done || first.NextRecordsUrl is null)
        {
            var ids = (first.Records ?? []).Select(r => SalesforceRecord.String(r, "Id")).OfType<string>();
            return await CutAsync(ids.ToAsyncEnumerable(), partitionSize, cancellationToken).ConfigureAwait(false);
        }

        return await CutAsync(bulk.ReadAccountIdsAsync(cancellationToken), partitionSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cuts an ordered id stream into ranges of <paramref name="partitionSize"/> ids; the first and last ends are open.</summary>
    internal static async Task<IReadOnlyList<AccountRange>> CutAsync(IAsyncEnumerable<string> ids, int partitionSize, CancellationToken cancellationToken)
    {
        var ranges = new List<AccountRange>();
        string? from = null;
        string? previous = null;
        var count = 0;
        await foreach (var id in ids.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (previous is not null && string.CompareOrdinal(id, previous) <= 0)
            {
                throw new CrmException(SalesforceCrm.CrmName, "Salesforce returned account ids out of order (" + previous + " then " + id + "); partitions cannot be planned from them.", null, "UNORDERED_IDS");
            }

            if (count == partitionSize)
            {
                ranges.Add(new AccountRange(from, id, count));
                from = id;
                count = 0;
            }

            previous = id;
            count++;
        }

        ranges.Add(new AccountRange(from, null, count));
        return ranges;
    }
}
