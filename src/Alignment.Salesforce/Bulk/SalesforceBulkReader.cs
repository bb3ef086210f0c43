using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Alignment.Core.Signals;
using Alignment.Salesforce.Auth;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Mapping;
using Alignment.Salesforce.Soql;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Options;

namespace Alignment.Salesforce.Bulk;

/// <summary>
/// Reads one id range of accounts through Bulk API 2.0 (docs/salesforce.md, "Bulk API 2.0"): a query job for the
/// accounts, one for each kind of activity (Task, Event, the intent object, CampaignMember when enabled), each streamed
/// from its CSV pages into local files bucketed by account (<see cref="BulkSpill"/>); then a bucket at a time, its
/// accounts are mapped exactly as the REST read maps them, given their signals and handed on in id order. Memory is
/// one bucket (<see cref="SalesforceOptions.BulkBucketSize"/> accounts), whatever the range's size
/// (docs/partitions.md, "A worker's memory").
/// </summary>
internal sealed class SalesforceBulkReader(SalesforceBulkClient bulk, SalesforceTokenCache tokens, IOptions<SalesforceOptions> options)
{
    private const string CampaignMemberQuery = "CampaignMember";

    private readonly SalesforceQueryBuilder _queries = new(options.Value);
    private readonly SalesforceSignalMapper _signals = new(options.Value.Signals);
    private readonly SalesforceAccountMapper _accounts = new(options.Value.Fields);

    public async IAsyncEnumerable<CrmAccount> ReadAsync(AccountRange range, DateTimeOffset signalsSince, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var o = options.Value;
        var spill = BulkSpill.Create(Path.GetTempPath());
        await using (spill.ConfigureAwait(false))
        {
            await foreach (var row in QueryAsync(_queries.BulkAccounts(range.From, range.To), cancellationToken).ConfigureAwait(false))
            {
                if (row["Id"] is { } id)
                {
                    spill.AddAccount(id, row);
                }
            }

            if (spill.Accounts == 0)
            {
                yield break;
            }

            await spill.SplitAsync(o.BulkBucketSize, cancellationToken).ConfigureAwait(false);

            var activities = new List<(string Query, string Parent)>();
            foreach (var (kind, parent, soql) in _queries.BulkActivities(range.From, range.To, signalsSince))
            {
                activities.Add((kind, parent));
                await SpillAsync(spill, kind, parent, soql, cancellationToken).ConfigureAwait(false);
            }

            if (o.Signals.CampaignMembers)
            {
                activities.Add((CampaignMemberQuery, "Contact.AccountId"));
                await SpillAsync(spill, CampaignMemberQuery, "Contact.AccountId", _queries.BulkCampaignMembers(range.From, range.To, signalsSince), cancellationToken).ConfigureAwait(false);
            }

            spill.Seal();
            var instance = tokens.Current?.InstanceUrl;
            for (var bucket = 0; bucket < spill.Buckets; bucket++)
            {
                var accounts = await ReadBucketAsync(spill, bucket, activities, cancellationToken).ConfigureAwait(false);
                // Drained in id order: an account handed on is no longer held here (the caller decides how long to keep it).
                while (accounts.Count > 0)
                {
                    var (id, pending) = accounts.First();
                    accounts.Remove(id);
                    var account = pending.Account with { Signals = pending.Signals.DrainToImmutable() };
                    var url = instance is null ? null : new Uri(instance, "/lightning/r/Account/" + account.Id + "/view");
                    yield return new CrmAccount(account, pending.LastModified, url);
                }
            }
        }
    }

    private async Task SpillAsync(BulkSpill spill, string query, string parent, string soql, CancellationToken cancellationToken)
    {
        await foreach (var row in QueryAsync(soql, cancellationToken).ConfigureAwait(false))
        {
            if (row[parent] is { } accountId)
            {
                spill.Add(query, accountId, row);
            }
        }
    }

    /// <summary>One bucket's accounts, mapped, with the signals of its activity rows.</summary>
    private async Task<SortedDictionary<string, Pending>> ReadBucketAsync(
        BulkSpill spill, int bucket, List<(string Query, string Parent)> activities, CancellationToken cancellationToken)
    {
        var accounts = new SortedDictionary<string, Pending>(StringComparer.Ordinal);
        await foreach (var row in spill.ReadAsync(BulkSpill.AccountQuery, bucket, cancellationToken).ConfigureAwait(false))
        {
            var record = row.ToRecord();
            accounts[row["Id"]!] = new Pending(_accounts.Map(record, []), SalesforceRecord.Instant(record, "SystemModstamp") ?? DateTimeOffset.MinValue);
        }

        foreach (var (query, parent) in activities)
        {
            await foreach (var row in spill.ReadAsync(query, bucket, cancellationToken).ConfigureAwait(false))
            {
                if (row[parent] is not { } accountId || !accounts.TryGetValue(accountId, out var pending))
                {
                    continue;
                }

                var record = row.ToRecord();
                if (query == CampaignMemberQuery)
                {
                    var member = _signals.FromCampaignMember(record);
                    pending.Add(member, member is null ? null : SalesforceRecord.Instant(record, "SystemModstamp") ?? member.Value.At);
                }
                else
                {
                    var signal = query == "Intent" ? _signals.FromIntent(record) : _signals.FromActivity(query, record, pending.Account.Owner?.Id);
                    pending.Add(signal, SalesforceRecord.Instant(record, "SystemModstamp"));
                }
            }
        }

        return accounts;
    }

    /// <summary>The ids of every account in id order (one query job), for partition planning.</summary>
    public IAsyncEnumerable<string> ReadAccountIdsAsync(CancellationToken cancellationToken) =>
        QueryAsync(SalesforceQueryBuilder.AccountIds, cancellationToken).Select(row => row["Id"]).OfType<string>();

    /// <summary>Creates a query job, waits for it and streams its rows; a job that ends Failed or Aborted throws with Salesforce's message.</summary>
    internal async IAsyncEnumerable<BulkRow> QueryAsync(string soql, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var job = await bulk.CreateQueryJobAsync(soql, cancellationToken).ConfigureAwait(false);
        job = await bulk.WaitAsync(job.Id, query: true, cancellationToken).ConfigureAwait(false);
        if (job.State != "JobComplete")
        {
            throw new CrmException(SalesforceCrm.CrmName,
                "Bulk API query job " + job.Id + " ended " + job.State + ": " + (job.ErrorMessage ?? "no reason given") + ". The run stops before this range; the next run reads it again.",
                null, "BULK_QUERY_FAILED");
        }

        await foreach (var row in bulk.ReadQueryResultsAsync(job.Id, cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <summary>An account of the range while its activities are read.</summary>
    private sealed class Pending(Core.Accounts.Account account, DateTimeOffset lastModified)
    {
        public Core.Accounts.Account Account { get; } = account;
        public DateTimeOffset LastModified { get; private set; } = lastModified;
        public ImmutableArray<Signal>.Builder Signals { get; } = ImmutableArray.CreateBuilder<Signal>();

        public void Add(Signal? signal, DateTimeOffset? modified)
        {
            if (signal is { } s)
            {
                Signals.Add(s);
            }

            if (modified is { } m && m > LastModified)
            {
                LastModified = m;
            }
        }
    }
}
