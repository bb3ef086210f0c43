using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.Salesforce.Auth;

/// <summary>
/// Holds the current token. A token older than <see cref="SalesforceOptions.TokenLifetime"/> (by <see cref="TimeProvider"/>)
/// or refused with INVALID_SESSION_ID is replaced; concurrent callers share one token request (single-flight).
/// </summary>
internal sealed class SalesforceTokenCache(
    SalesforceTokenClient tokenClient,
    IOptions<SalesforceOptions> options,
    TimeProvider timeProvider,
    ILogger<SalesforceTokenCache> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile SalesforceToken? _current;

    /// <summary>The token in use, if any (for links to records).</summary>
    public SalesforceToken? Current => _current;

    public async ValueTask<SalesforceToken> GetAsync(CancellationToken cancellationToken)
    {
        var token = _current;
        return token is not null && IsFresh(token) ? token : await RefreshAsync(token, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces <paramref name="stale"/> unless another caller already did.</summary>
    public async Task<SalesforceToken> RefreshAsync(SalesforceToken? stale, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            if (current is not null && !ReferenceEquals(current, stale) && IsFresh(current))
            {
                return current;
            }

            var fresh = await tokenClient.RequestTokenAsync(cancellationToken).ConfigureAwait(false);
            _current = fresh;
            SalesforceLog.TokenObtained(logger, options.Value.AuthFlow.ToString());
            return fresh;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool IsFresh(SalesforceToken token) => timeProvider.GetUtcNow() - token.ObtainedAt < options.Value.TokenLifetime;
}
