using System.Globalization;
using System.Text.RegularExpressions;
using Alignment.Salesforce.Configuration;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Options;

namespace Alignment.Salesforce.Http;

/// <summary>
/// Counts calls and remembers the last <c>Sforce-Limit-Info: api-usage=N/M</c>; refuses further calls once
/// N/M reaches <see cref="SalesforceOptions.MaxDailyApiShare"/>.
/// </summary>
internal sealed partial class SalesforceApiUsageTracker(IOptions<SalesforceOptions> options)
{
    public const string HeaderName = "Sforce-Limit-Info";
    private readonly Lock _lock = new();
    private int _calls;
    private long? _used;
    private long? _limit;

    public void RecordCall() => Interlocked.Increment(ref _calls);

    /// <summary>Reads the header value, e.g. <c>api-usage=18/5000; per-app-api-usage=17/250(appName=x)</c>.</summary>
    public void Observe(string? headerValue)
    {
        if (TryParse(headerValue, out var used, out var limit))
        {
            lock (_lock)
            {
                _used = used;
                _limit = limit;
            }
        }
    }

    /// <summary>Records the daily figures from <c>/limits</c> (DailyApiRequests Max and Remaining).</summary>
    public void ObserveLimits(long max, long remaining)
    {
        lock (_lock)
        {
            _used = max - remaining;
            _limit = max;
        }
    }

    /// <summary>Throws <see cref="CrmBudgetExhaustedException"/> when the configured share of the daily budget is used.</summary>
    public void EnsureBudget()
    {
        var usage = Snapshot();
        if (usage is { DailyUsed: { } used, DailyLimit: { } limit } && limit > 0 && used >= options.Value.MaxDailyApiShare * limit)
        {
            throw new CrmBudgetExhaustedException(
                SalesforceCrm.CrmName,
                string.Create(CultureInfo.InvariantCulture, $"Stopped before exceeding {options.Value.MaxDailyApiShare:P0} of the daily Salesforce API budget ({used}/{limit} used)."),
                usage);
        }
    }

    public ApiUsage Snapshot()
    {
        lock (_lock)
        {
            return new ApiUsage(Volatile.Read(ref _calls), _used, _limit);
        }
    }

    /// <summary>Parses <c>api-usage=N/M</c> out of a <c>Sforce-Limit-Info</c> value.</summary>
    public static bool TryParse(string? headerValue, out long used, out long limit)
    {
        used = limit = 0;
        var match = headerValue is null ? Match.Empty : UsageRegex().Match(headerValue);
        return match.Success
            && long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out used)
            && long.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out limit);
    }

    [GeneratedRegex("(?<![-a-z])api-usage=(\\d+)/(\\d+)")]
    private static partial Regex UsageRegex();
}
