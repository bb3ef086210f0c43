using Alignment.Core.Signals;

namespace Alignment.TestKit.Builders;

/// <summary>Builds a <see cref="Signal"/>: by default a web visit by contact <c>003A01</c> at 2026-11-20T12:00Z.</summary>
public sealed class SignalBuilder
{
    public static readonly DateTimeOffset DefaultAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private SignalKind _kind = SignalKind.WebVisit;
    private DateTimeOffset _at = DefaultAt;
    private string? _contactId = "003A01";
    private string? _subject;
    private string? _topic;
    private double? _strength;
    private Seniority? _seniority;

    public static SignalBuilder A(SignalKind kind) => new SignalBuilder().OfKind(kind);

    public SignalBuilder OfKind(SignalKind value) { _kind = value; return this; }

    public SignalBuilder At(DateTimeOffset value) { _at = value.ToUniversalTime(); return this; }

    public SignalBuilder By(string? value) { _contactId = value; return this; }

    public SignalBuilder WithSubject(string? value) { _subject = value; return this; }

    public SignalBuilder WithTopic(string? value) { _topic = value; return this; }

    public SignalBuilder WithStrength(double? value) { _strength = value; return this; }

    /// <summary>The contact's level (the emulators give the contact a job title of that level).</summary>
    public SignalBuilder OfSeniority(Seniority? value) { _seniority = value; return this; }

    public Signal Build() => new(_kind, _at, _contactId, _subject, _topic, _strength, _seniority);

    public static implicit operator Signal(SignalBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Build();
    }

    public Signal ToSignal() => Build();
}
