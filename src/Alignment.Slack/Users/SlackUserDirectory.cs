using Alignment.Slack.Api;
using Alignment.Sync.Alerts;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.Slack.Users;

/// <summary>
/// Finds the Slack user of a CRM owner by e-mail: the configured <see cref="SlackOptions.UserMap"/> first, then (bot
/// mode) <c>users.lookupByEmail</c>, cached. A failed look-up gives null (the alert goes out without a mention).
/// </summary>
internal sealed partial class SlackUserDirectory(
    IOptionsMonitor<SlackOptions> options,
    SlackApiClient api,
    IMemoryCache cache,
    ILogger<SlackUserDirectory> logger)
{
    /// <summary>Cached for e-mails no Slack user has.</summary>
    private const string NotFound = "";

    public async Task<string?> FindUserIdAsync(string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var settings = options.CurrentValue;
        foreach (var (mapped, userId) in settings.UserMap)
        {
            if (string.Equals(mapped, email, StringComparison.OrdinalIgnoreCase))
            {
                return userId;
            }
        }

        if (settings.Mode != SlackMode.Bot)
        {
            return null;
        }

        var cacheKey = (nameof(SlackUserDirectory), email.Trim().ToUpperInvariant());
        if (cache.TryGetValue(cacheKey, out string? cached))
        {
            return cached == NotFound ? null : cached;
        }

        string? found;
        try
        {
            found = await api.LookupUserByEmailAsync(email.Trim(), cancellationToken).ConfigureAwait(false);
        }
        catch (AlertDeliveryException e)
        {
            LogLookupFailed(logger, e.Transient, e.Message);
            return null;
        }

        cache.Set(cacheKey, found ?? NotFound, found is null ? settings.UserCacheDuration / 10 : settings.UserCacheDuration);
        return found;
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Slack user look-up by e-mail failed (transient: {Transient}): {Reason}; sending without a mention")]
    private static partial void LogLookupFailed(ILogger logger, bool transient, string reason);
}
