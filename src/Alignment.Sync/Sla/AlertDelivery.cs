using Alignment.Sync.Alerts;
using Alignment.Sync.Scheduling;
using Alignment.Sync.Settings;
using Alignment.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.Sync.Sla;

/// <summary>
/// Delivers the alert ledger's open entries so that each alert goes out once:
/// <list type="number">
/// <item>a due <see cref="AlertLedgerState.Pending"/> entry is marked <see cref="AlertLedgerState.Sending"/>
/// (ETag-conditional: a conflict means another instance has it) <em>before</em> the send, then
/// <see cref="AlertLedgerState.Sent"/>;</item>
/// <item>a send that may have happened — an entry still in Sending after <see cref="SyncOptions.AlertSendingTimeout"/>
/// (the process died mid-send) or a send that failed with <see cref="AlertDeliveryException.MayHaveBeenDelivered"/> —
/// is never repeated blindly: the channel is asked (<see cref="IAlertChannel.WasDeliveredAsync"/>); true → Sent,
/// false → sent again, null → <see cref="AlertLedgerState.Unknown"/> (reported, not resent);</item>
/// <item>transient failures (429, 5xx) stay Pending with exponential back-off (at least the Retry-After), retried by
/// the next sweep; permanent refusals are retried up to <see cref="SyncOptions.MaxAlertAttempts"/>, then Failed.</item>
/// </list>
/// </summary>
public sealed partial class AlertDelivery(
    IAlertLedger ledger,
    IAlertChannel channel,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<AlertDelivery> logger)
{
    private readonly SyncOptions _settings = options.Value;

    public async Task<AlertDeliveryOutcome> DeliverOpenAsync(CancellationToken cancellationToken)
    {
        var open = new List<Versioned<AlertLedgerEntry>>();
        await foreach (var entry in ledger.ListOpenAsync(cancellationToken).ConfigureAwait(false))
        {
            open.Add(entry);
        }

        int sent = 0, retrying = 0;
        var unknown = new List<string>();
        var failed = new List<string>();
        foreach (var item in open)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = time.GetUtcNow();
            if (item.Value.NextAttemptAt is { } next && next > now)
            {
                retrying++;
                continue;
            }

            var current = item;
            if (current.Value.State == AlertLedgerState.Sending)
            {
                var resolved = await ResolveAsync(current, now, cancellationToken).ConfigureAwait(false);
                if (resolved is null)
                {
                    continue;
                }

                switch (resolved.Value.State)
                {
                    case AlertLedgerState.Sent: sent++; continue;
                    case AlertLedgerState.Unknown: unknown.Add(resolved.Value.Alert.Key); continue;
                    case AlertLedgerState.Sending: retrying++; continue;
                    default: current = resolved; break;
                }
            }

            var state = await SendAsync(current, now, cancellationToken).ConfigureAwait(false);
            switch (state)
            {
                case AlertLedgerState.Sent: sent++; break;
                case AlertLedgerState.Failed: failed.Add(current.Value.Alert.Key); break;
                case AlertLedgerState.Pending or AlertLedgerState.Sending: retrying++; break;
                default: break;
            }
        }

        return new AlertDeliveryOutcome(sent, retrying, unknown, failed);
    }

    /// <summary>Sends a Pending entry. Returns its new state; null when another instance has it.</summary>
    private async Task<AlertLedgerState?> SendAsync(Versioned<AlertLedgerEntry> item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entry = item.Value;
        var sending = await TryUpdateAsync(entry with
        {
            State = AlertLedgerState.Sending,
            Attempts = entry.Attempts + 1,
            LastAttemptAt = now,
            NextAttemptAt = now + _settings.AlertSendingTimeout,
        }, item.ETag, cancellationToken).ConfigureAwait(false);
        if (sending is null)
        {
            return null;
        }

        AlertLedgerEntry next;
        try
        {
            await channel.SendAsync(entry.Alert, cancellationToken).ConfigureAwait(false);
            next = sending.Value with { State = AlertLedgerState.Sent, SentAt = time.GetUtcNow(), NextAttemptAt = null, LastError = null };
            LogSent(logger, entry.Alert.AccountId, entry.Alert.Level);
        }
        catch (AlertDeliveryException ex)
        {
            next = AfterFailure(sending.Value, ex, time.GetUtcNow());
        }

        var saved = await TryUpdateAsync(next, sending.ETag, cancellationToken).ConfigureAwait(false);
        return saved?.Value.State;
    }

    private AlertLedgerEntry AfterFailure(AlertLedgerEntry entry, AlertDeliveryException ex, DateTimeOffset now)
    {
        var error = Describe(ex);
        var backoff = RetryBackoff.Delay(entry.Attempts, _settings.BackoffBase, _settings.MaxBackoff, ex.RetryAfter);
        if (ex.MayHaveBeenDelivered)
        {
            // Stay in Sending: the next pass asks the channel before anything is sent again.
            LogMaybeDelivered(logger, entry.Alert.AccountId, entry.Alert.Level);
            return entry with { NextAttemptAt = now + backoff, LastError = error };
        }

        if (!ex.Transient && entry.Attempts >= _settings.MaxAlertAttempts)
        {
            LogGaveUp(logger, entry.Alert.AccountId, entry.Alert.Level, entry.Attempts);
            return entry with { State = AlertLedgerState.Failed, NextAttemptAt = null, LastError = error };
        }

        LogRetry(logger, entry.Alert.AccountId, entry.Alert.Level, entry.Attempts);
        return entry with { State = AlertLedgerState.Pending, NextAttemptAt = now + backoff, LastError = error };
    }

    /// <summary>Settles an entry left in Sending. Returns the stored entry (Sent, Unknown, Pending to resend, or still Sending); null on conflict.</summary>
    private async Task<Versioned<AlertLedgerEntry>?> ResolveAsync(Versioned<AlertLedgerEntry> item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entry = item.Value;
        bool? delivered;
        try
        {
            delivered = await channel.WasDeliveredAsync(entry.Alert, entry.LastAttemptAt ?? entry.CreatedAt, cancellationToken).ConfigureAwait(false);
        }
        catch (AlertDeliveryException ex)
        {
            var wait = RetryBackoff.Delay(Math.Max(1, entry.Attempts), _settings.BackoffBase, _settings.MaxBackoff, ex.RetryAfter);
            return await TryUpdateAsync(entry with { NextAttemptAt = now + wait, LastError = Describe(ex) }, item.ETag, cancellationToken).ConfigureAwait(false);
        }

        var next = delivered switch
        {
            true => entry with { State = AlertLedgerState.Sent, SentAt = entry.LastAttemptAt ?? now, NextAttemptAt = null, LastError = null },
            false => entry with { State = AlertLedgerState.Pending, NextAttemptAt = null },
            null => entry with
            {
                State = AlertLedgerState.Unknown,
                NextAttemptAt = null,
                LastError = "The channel cannot tell whether the interrupted send was delivered; check the channel, not resent.",
            },
        };
        LogResolved(logger, entry.Alert.AccountId, entry.Alert.Level, next.State);
        return await TryUpdateAsync(next, item.ETag, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Versioned<AlertLedgerEntry>?> TryUpdateAsync(AlertLedgerEntry entry, string etag, CancellationToken cancellationToken)
    {
        try
        {
            return await ledger.UpdateAsync(entry, etag, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            LogTaken(logger, entry.Alert.AccountId, entry.Alert.Level);
            return null;
        }
    }

    private static string Describe(AlertDeliveryException ex) =>
        (ex.Transient ? "transient: " : "permanent: ") + ex.Message;

    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Alert {Level} for account {AccountId} sent")]
    private static partial void LogSent(ILogger logger, string accountId, AlertLevel level);

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "Alert {Level} for account {AccountId} failed (attempt {Attempt}); retrying after back-off")]
    private static partial void LogRetry(ILogger logger, string accountId, AlertLevel level, int attempt);

    [LoggerMessage(EventId = 502, Level = LogLevel.Warning, Message = "Alert {Level} for account {AccountId} may have been delivered; the channel is asked before any resend")]
    private static partial void LogMaybeDelivered(ILogger logger, string accountId, AlertLevel level);

    [LoggerMessage(EventId = 503, Level = LogLevel.Error, Message = "Alert {Level} for account {AccountId} given up after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, string accountId, AlertLevel level, int attempts);

    [LoggerMessage(EventId = 504, Level = LogLevel.Information, Message = "Interrupted alert {Level} for account {AccountId} resolved as {State}")]
    private static partial void LogResolved(ILogger logger, string accountId, AlertLevel level, AlertLedgerState state);

    [LoggerMessage(EventId = 505, Level = LogLevel.Information, Message = "Alert {Level} for account {AccountId} is handled by another instance")]
    private static partial void LogTaken(ILogger logger, string accountId, AlertLevel level);
}
