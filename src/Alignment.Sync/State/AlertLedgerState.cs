namespace Alignment.Sync.State;

/// <summary>Lifecycle of one alert in the ledger.</summary>
public enum AlertLedgerState
{
    /// <summary>Recorded, not yet attempted (or attempted and known not delivered).</summary>
    Pending,

    /// <summary>A send started; its outcome is not known yet. Never resent blindly.</summary>
    Sending,

    Sent,

    /// <summary>The channel cannot tell whether a started send was delivered; left for a person (not resent).</summary>
    Unknown,

    /// <summary>Gave up after repeated permanent failures; the error is kept.</summary>
    Failed,
}
