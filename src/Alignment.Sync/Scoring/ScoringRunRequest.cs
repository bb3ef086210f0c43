namespace Alignment.Sync.Scoring;

/// <summary>A scoring run.</summary>
/// <param name="Full">Rescore every account, not only those changed since the checkpoint. A full rescore also
/// happens on its own on the first run and when the nightly one is due (<c>SyncOptions.FullRescoreHourUtc</c>).</param>
public sealed record ScoringRunRequest(bool Full = false);
