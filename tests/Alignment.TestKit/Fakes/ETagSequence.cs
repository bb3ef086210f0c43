using System.Globalization;

namespace Alignment.TestKit.Fakes;

/// <summary>Fresh ETags for the in-memory stores, shaped like Azure Table ETags.</summary>
internal static class ETagSequence
{
    private static long Issued;

    public static string Next() =>
        string.Create(CultureInfo.InvariantCulture, $"W/\"datetime'{Interlocked.Increment(ref Issued)}'\"");
}
