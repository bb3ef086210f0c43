using Alignment.Storage.Tables;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Alignment.Storage.Health;

/// <summary>
/// Health of the state store: reads at most one row of the inbox table (the table every webhook is stored in, created
/// on first use), within <see cref="Timeout"/>. Unhealthy names the failure (exception type, HTTP status and storage
/// error code; never the connection string or a URL).
/// </summary>
internal sealed class TableStateHealthCheck(StateTables tables, TimeProvider time) : IHealthCheck
{
    public const string Name = "storage";

    /// <summary>How long the probe waits for Table Storage.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var table = await tables.GetAsync(TableNames.Inbox, linked.Token).ConfigureAwait(false);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"health"}");
            await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["PartitionKey"], cancellationToken: linked.Token).AsPages().ConfigureAwait(false))
            {
                _ = page;
                break;
            }

            return HealthCheckResult.Healthy("Table Storage answers (inbox table readable).");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Table Storage did not answer within {Timeout.TotalSeconds:0} s; webhooks cannot be stored (check Alignment:State and the network).");
        }
        catch (RequestFailedException e)
        {
            return HealthCheckResult.Unhealthy($"Table Storage refused the read: HTTP {e.Status} {e.ErrorCode}; webhooks cannot be stored (check Alignment:State and the app's role on the storage account).");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Table Storage cannot be reached ({e.GetType().Name}); webhooks cannot be stored (check Alignment:State).");
        }
    }
}
