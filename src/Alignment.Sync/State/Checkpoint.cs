namespace Alignment.Sync.State;

/// <summary>Where incremental reading resumes.</summary>
/// <param name="ModifiedSince">Read accounts changed at or after this UTC instant next time; null means never run.</param>
/// <param name="LastFullRunAt">When the last full rescore completed (UTC).</param>
public sealed record Checkpoint(DateTimeOffset? ModifiedSince, DateTimeOffset? LastFullRunAt);
