using System.Text;

namespace Alignment.Sandbox.Salesforce;

/// <summary>
/// Rows of strings (a null stays null) kept as UTF-8 in shared 1 MB chunks instead of as string arrays: what a Bulk API
/// 2.0 job keeps — a query's snapshot, an ingest job's results — costs about what its CSV would, so the emulator can
/// serve the jobs of a million-account org (docs/benchmarks.md, "Partitioned full rescore at scale"). Appended by one
/// writer, then read by any number of readers.
/// </summary>
internal sealed class PackedRows
{
    private const int ChunkSize = 1 << 20;
    private readonly List<byte[]> _chunks = [];
    private readonly List<long> _starts = []; // chunk index << 32 | offset in the chunk
    private int _used = ChunkSize;

    public int Count => _starts.Count;

    public void Add(IReadOnlyList<string?> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var size = SizeOf(row.Count);
        foreach (var value in row)
        {
            var bytes = value is null ? -1 : Encoding.UTF8.GetByteCount(value);
            size += SizeOf(bytes + 1) + Math.Max(bytes, 0);
        }

        if (_chunks.Count == 0 || size > ChunkSize - _used)
        {
            _chunks.Add(new byte[Math.Max(ChunkSize, size)]);
            _used = 0;
        }

        var chunk = _chunks[^1].AsSpan(_used, size);
        _starts.Add(((long)(_chunks.Count - 1) << 32) | (uint)_used);
        var at = Write(chunk, 0, row.Count);
        foreach (var value in row)
        {
            if (value is null)
            {
                at = Write(chunk, at, 0);
                continue;
            }

            var bytes = Encoding.UTF8.GetByteCount(value);
            at = Write(chunk, at, bytes + 1);
            at += Encoding.UTF8.GetBytes(value, chunk[at..]);
        }

        _used += size;
    }

    public string?[] this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var start = _starts[index];
            ReadOnlySpan<byte> chunk = _chunks[(int)(start >> 32)].AsSpan((int)(uint)start);
            var at = Read(chunk, 0, out var count);
            var row = new string?[count];
            for (var i = 0; i < count; i++)
            {
                at = Read(chunk, at, out var length);
                if (length > 0)
                {
                    row[i] = Encoding.UTF8.GetString(chunk.Slice(at, length - 1));
                    at += length - 1;
                }
            }

            return row;
        }
    }

    /// <summary>Rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1, decoded one at a time.</summary>
    public IEnumerable<string?[]> Range(int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            yield return this[i];
        }
    }

    public IEnumerable<string?[]> All() => Range(0, Count);

    private static int SizeOf(int value)
    {
        var size = 1;
        while ((uint)value >= 0x80)
        {
            value = (int)((uint)value >> 7);
            size++;
        }

        return size;
    }

    private static int Write(Span<byte> span, int at, int value)
    {
        var v = (uint)value;
        while (v >= 0x80)
        {
            span[at++] = (byte)(v | 0x80);
            v >>= 7;
        }

        span[at++] = (byte)v;
        return at;
    }

    private static int Read(ReadOnlySpan<byte> span, int at, out int value)
    {
        var result = 0;
        var shift = 0;
        byte b;
        do
        {
            b = span[at++];
            result |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);

        value = result;
        return at;
    }
}
