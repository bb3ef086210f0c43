namespace Alignment.Core.Signals;

/// <summary>
/// One CRM record that matters for scoring or for an SLA, reduced to what the domain needs.
/// </summary>
/// <param name="Kind">What the record means.</param>
/// <param name="At">When it happened, as a UTC instant (offset zero).</param>
/// <param name="ContactId">The contact who did it, when known (counts distinct engaged contacts).</param>
/// <param name="Subject">Email subject or similar (same-subject handoff rules).</param>
/// <param name="Topic">Intent topic, when the source gives one.</param>
/// <param name="Strength">For <see cref="SignalKind.ThirdPartyIntent"/>: 0..1; null means 1.</param>
/// <param name="Seniority">The contact's level from their job title, when the CRM has one (buying-committee rules).</param>
public readonly record struct Signal(
    SignalKind Kind,
    DateTimeOffset At,
    string? ContactId = null,
    string? Subject = null,
    string? Topic = null,
    double? Strength = null,
    Seniority? Seniority = null);
