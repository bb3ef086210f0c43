using System.Globalization;

namespace Alignment.Sync.Runs;

/// <summary>Run ids as the run ledger, the logs and the CRM's last-run field show them.</summary>
public static class RunIds
{
    /// <summary><c>{crm}:{kind}:{start, UTC, yyyyMMddTHHmmssfffZ}</c>, e.g. <c>hubspot:sla-sweep:20261120T150000000Z</c>.</summary>
    public static string For(string crm, RunKind kind, DateTimeOffset start) =>
        string.Create(CultureInfo.InvariantCulture, $"{crm}:{kind.Name()}:{start.UtcDateTime:yyyyMMddTHHmmssfffZ}");
}
