using System.Collections.Immutable;
using Alignment.Core.Signals;

namespace Alignment.Core.Handoffs;

/// <summary>
/// The signal pattern of a handoff rule. A signal qualifies when its kind is in <see cref="Kinds"/> or its category
/// in <see cref="Categories"/>, and its age (asOf − At, clamped at 0) is under <see cref="Within"/>. The pattern
/// matches when some set of qualifying signals has at least <see cref="MinCount"/> signals from at least
/// <see cref="MinDistinctContacts"/> distinct contacts, all with the same subject when <see cref="SameSubject"/>
/// (case-insensitive, trimmed; signals without a subject never match then), and all within
/// <see cref="WithinOfEachOther"/> of each other when set (inclusive). With <see cref="MinSeniority"/> only signals
/// of contacts at that level or above qualify ("a decision-maker engaged"; a signal whose contact's level is
/// unknown never does) — docs/handoff-sla.md, "Buying committee".
/// </summary>
public sealed record HandoffMatch
{
    public HandoffMatch(
        IEnumerable<SignalKind>? kinds,
        IEnumerable<SignalCategory>? categories,
        TimeSpan within,
        int minCount = 1,
        int minDistinctContacts = 0,
        bool sameSubject = false,
        TimeSpan? withinOfEachOther = null,
        Seniority? minSeniority = null)
    {
        Kinds = [.. (kinds ?? []).Distinct()];
        Categories = [.. (categories ?? []).Distinct()];
        if (Kinds.IsEmpty && Categories.IsEmpty)
        {
            throw new ArgumentException("A match needs at least one signal kind or category.", nameof(kinds));
        }

        if (Kinds.Any(k => !Enum.IsDefined(k) || k == SignalKind.SalesTouch))
        {
            throw new ArgumentException("SalesTouch answers an SLA and cannot trigger a handoff.", nameof(kinds));
        }

        if (Categories.Any(c => !Enum.IsDefined(c) || c == SignalCategory.SalesTouch))
        {
            throw new ArgumentException("Only Intent and Engagement categories can trigger a handoff.", nameof(categories));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(within, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minDistinctContacts, 0);
        if (withinOfEachOther is { } spread)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(spread, TimeSpan.Zero, nameof(withinOfEachOther));
        }

        if (minSeniority is { } level && !Enum.IsDefined(level))
        {
            throw new ArgumentOutOfRangeException(nameof(minSeniority), level, "Unknown seniority.");
        }

        Within = within;
        MinSeniority = minSeniority;
        MinCount = minCount;
        MinDistinctContacts = minDistinctContacts;
        SameSubject = sameSubject;
        WithinOfEachOther = withinOfEachOther;
    }

    public ImmutableArray<SignalKind> Kinds { get; }

    public ImmutableArray<SignalCategory> Categories { get; }

    /// <summary>Look-back window: signals younger than this qualify.</summary>
    public TimeSpan Within { get; }

    /// <summary>At least 1.</summary>
    public int MinCount { get; }

    /// <summary>Distinct non-null contact ids needed; 0 means no condition.</summary>
    public int MinDistinctContacts { get; }

    public bool SameSubject { get; }

    /// <summary>Greatest spread between the first and last signal of the set; null means no condition.</summary>
    public TimeSpan? WithinOfEachOther { get; }

    /// <summary>Lowest contact level whose signals count; null means any signal, with or without a contact.</summary>
    public Seniority? MinSeniority { get; }

    /// <summary>True when the kind (or its category) is one this match looks at.</summary>
    public bool Looks(SignalKind kind) => Kinds.Contains(kind) || Categories.Contains(SignalKinds.CategoryOf(kind));

    /// <summary>
    /// Whether the signals match at <paramref name="asOf"/>, counting only signals strictly after
    /// <paramref name="after"/> when given.
    /// </summary>
    public bool IsMatchedBy(IEnumerable<Signal> signals, DateTimeOffset asOf, DateTimeOffset? after = null)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var qualifying = signals
            .Where(s => Looks(s.Kind) && asOf - s.At < Within && (after is null || s.At > after) && IsSeniorEnough(s))
            .ToList();
        if (qualifying.Count < MinCount)
        {
            return false;
        }

        var groups = SameSubject
            ? qualifying
                .Where(s => !string.IsNullOrWhiteSpace(s.Subject))
                .GroupBy(s => s.Subject!.Trim(), StringComparer.OrdinalIgnoreCase)
                .Select(g => g.ToList())
            : [qualifying];
        return groups.Any(MatchesGroup);
    }

    private bool IsSeniorEnough(Signal signal) => MinSeniority is not { } min || signal.Seniority >= min;

    private bool MatchesGroup(List<Signal> group)
    {
        if (WithinOfEachOther is not { } spread)
        {
            return Satisfies(group);
        }

        var sorted = group.OrderBy(s => s.At).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var end = sorted[i].At + spread;
            if (Satisfies(sorted.Skip(i).TakeWhile(s => s.At <= end).ToList()))
            {
                return true;
            }
        }

        return false;
    }

    private bool Satisfies(List<Signal> set) =>
        set.Count >= MinCount
        && (MinDistinctContacts == 0
            || set.Where(s => !string.IsNullOrWhiteSpace(s.ContactId)).Select(s => s.ContactId).Distinct(StringComparer.Ordinal).Count() >= MinDistinctContacts);
}
