using System.Runtime.CompilerServices;

namespace Alignment.Salesforce.Bulk;

/// <summary>
/// A range's Bulk API 2.0 query rows spilled to local temporary files, one per query and bucket, a bucket being a
/// slice of the range's account ids (docs/partitions.md, "A worker's memory"). Bulk results come in no order the
/// reader can use (<c>ORDER BY</c> turns off Salesforce's chunking), so without the spill a range's accounts were held
/// until its last activity row had arrived; with it the reader holds one bucket, whatever the range's size.
/// </summary>
/// <remarks>
/// The accounts come first (<see cref="AddAccount"/>), into one file while their ids are gathered; <see cref="SplitAsync"/>
/// then cuts the sorted ids into buckets of about the same size and moves each account into its bucket's file, so
/// that every bucket is a contiguous id range (the tier history is then read with one range scan a bucket) and the
/// buckets in order give the accounts in id order. Only one query's files are open at a time; the directory is deleted
/// on dispose, also when the read stops early or throws.
/// </remarks>
internal sealed class BulkSpill : IAsyncDisposable
{
    /// <summary>The query name of the accounts' rows once split into buckets.</summary>
    public const string AccountQuery = "Account";

    private const string Unsplit = "unsplit";

    private readonly string _directory;
    private readonly Dictionary<int, BulkCsvFile> _open = [];
    private readonly HashSet<(string Query, int Bucket)> _written = [];
    private List<string>? _ids = [];
    private string[] _bounds = [];
    private string? _query;

    private BulkSpill(string directory) => _directory = directory;

    /// <summary>How many buckets the range is cut into (known once split).</summary>
    public int Buckets => _bounds.Length + 1;

    /// <summary>An empty spill in a new directory under <paramref name="root"/>.</summary>
    public static BulkSpill Create(string root)
    {
        var directory = Path.Combine(root, "alignment-bulk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return new BulkSpill(directory);
    }

    /// <summary>How many accounts were added.</summary>
    public int Accounts => _ids?.Count ?? 0;

    /// <summary>Appends an account's row (before <see cref="SplitAsync"/>).</summary>
    public void AddAccount(string accountId, BulkRow row)
    {
        var ids = _ids ?? throw new InvalidOperationException("The accounts were already split into buckets.");
        ids.Add(accountId);
        Write(Unsplit, 0, row);
    }

    /// <summary>
    /// Cuts the accounts' sorted ids into buckets of about <paramref name="perBucket"/> and moves each account's row
    /// into its bucket; only the bucket bounds are kept.
    /// </summary>
    public async Task SplitAsync(int perBucket, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perBucket, 1);
        var ids = _ids ?? throw new InvalidOperationException("The accounts were already split into buckets.");
        _ids = null;
        ids.Sort(StringComparer.Ordinal);
        var buckets = Math.Max(1, (ids.Count + perBucket - 1) / perBucket);
        var size = (ids.Count + buckets - 1) / buckets;
        _bounds = [.. Enumerable.Range(1, buckets - 1).Select(b => ids[b * size])];
        ids.Clear();
        Seal();
        await foreach (var row in ReadAsync(Unsplit, 0, cancellationToken).ConfigureAwait(false))
        {
            Add(AccountQuery, row["Id"]!, row);
        }

        Seal();
        File.Delete(PathOf(Unsplit, 0));
    }

    /// <summary>The bucket of an account id: the slice of the sorted ids it falls in.</summary>
    public int BucketOf(string accountId)
    {
        var i = Array.BinarySearch(_bounds, accountId, StringComparer.Ordinal);
        return i >= 0 ? i + 1 : ~i;
    }

    /// <summary>Appends <paramref name="row"/> of <paramref name="query"/> to <paramref name="accountId"/>'s bucket (after <see cref="SplitAsync"/>).</summary>
    public void Add(string query, string accountId, BulkRow row)
    {
        if (_ids is not null)
        {
            throw new InvalidOperationException("Split the accounts into buckets before adding other rows.");
        }

        Write(query, BucketOf(accountId), row);
    }

    private void Write(string query, int bucket, BulkRow row)
    {
        if (_query != query)
        {
            Seal();
            _query = query;
        }

        if (!_open.TryGetValue(bucket, out var file))
        {
            file = BulkCsv.Create(PathOf(query, bucket), [.. row.Columns.Names]);
            _open[bucket] = file;
            _written.Add((query, bucket));
        }

        var values = new string[row.Values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = row.Values[i] ?? "";
        }

        file.Write(values);
    }

    /// <summary>Closes the files being written (the query's rows are all in).</summary>
    public void Seal()
    {
        foreach (var file in _open.Values)
        {
            file.Dispose();
        }

        _open.Clear();
        _query = null;
    }

    /// <summary>The rows of <paramref name="query"/> in <paramref name="bucket"/> (none when it had none).</summary>
    public async IAsyncEnumerable<BulkRow> ReadAsync(string query, int bucket, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Seal();
        if (!_written.Contains((query, bucket)))
        {
            yield break;
        }

        var stream = new FileStream(PathOf(query, bucket), FileMode.Open, FileAccess.Read, FileShare.Read, 16384, FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var row in BulkCsv.ReadAsync(stream, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Seal();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temporary folder's clean-up.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private string PathOf(string query, int bucket) => Path.Combine(_directory, query + "-" + bucket.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".csv");
}
