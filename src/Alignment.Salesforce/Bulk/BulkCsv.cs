using System.Runtime.CompilerServices;
using CsvHelper;

namespace Alignment.Salesforce.Bulk;

/// <summary>
/// The CSV dialect of the connector's Bulk API 2.0 jobs (comma, LF; quoted fields may hold commas, quotes and line
/// breaks), read and written the same way for Salesforce's results and for the local files a range is spilled to.
/// </summary>
internal static class BulkCsv
{
    /// <summary>The rows of a CSV with a header; an empty cell reads as null (Salesforce stores no empty text).</summary>
    public static async IAsyncEnumerable<BulkRow> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { Separator = ',', HasHeader = true, PoolStrings = true }, true);
        await csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        var columns = BulkColumns.Of(csv.Headers);
        while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var values = new string?[columns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                var value = csv.GetString(i);
                values[i] = value.Length == 0 ? null : value;
            }

            yield return new BulkRow(columns, values);
        }
    }

    /// <summary>A new local file of the dialect, its header written (<paramref name="bufferSize"/>: the file's write buffer).</summary>
    public static BulkCsvFile Create(string path, string[] header, int bufferSize = 4096) => new(path, header, bufferSize);
}

/// <summary>A local CSV file of the Bulk dialect being written (a spilled bucket, an ingest upload); closed on dispose.</summary>
internal sealed class BulkCsvFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly CsvWriter _csv;
    private bool _closed;

    internal BulkCsvFile(string path, string[] header, int bufferSize)
    {
        _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize);
        _csv = CsvWriter.Create(_stream, new CsvWriterOptions { Separator = ',', NewLine = "\n" }, true);
        _csv.WriteHeader(header);
    }

    public void Write(string[] row) => _csv.WriteRecord(row);

    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _csv.Flush();
        _csv.Dispose();
        _stream.Dispose();
    }
}
