using Alignment.Core.Signals;

namespace Alignment.TestKit.Builders;

/// <summary>Builds a <see cref="Signal"/>: by default a web visit by contact <c>003A01</c> at 2026-11-20T12:00Z.</summary>
public sealed class SignalBuilder
{
    public static readonly DateTimeOffset DefaultAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private SignalKind kind = SignalKind.WebVisit;
    private DateTimeOffset at = DefaultAt;
    private string? contactId = "003A01";
    private string? subject;
    private string? topic;
    private double? strength;
    private Seniority? seniority;

    public static SignalBuilder A(SignalKind kind) => new SignalBuilder().OfKind(kind);

    public SignalBuilder OfKind(SignalKind value) { kind = value; return this; }

    public SignalBuilder At(DateTimeOffset value) { at = value.ToUniversalTime(); return this; }

    public SignalBuilder By(string? value) { contactId = value; return this; }

    public SignalBuilder WithSubject(string? value) { subject = value; return this; }

    public SignalBuilder WithTopic(string? value) { topic = value; return this; }

    public SignalBuilder WithStrength(double? value) { strength = value; return this; }

    /// <summary>The contact's level (the emulators give the contact a job title of that level).</summary>
    public SignalBuilder OfSeniority(Seniority? value) { seniority = value; return this; }

    public Signal Build() => new(kind, at, contactId, subject, topic, strength, seniority);

    public static implicit operator Signal(SignalBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Build();
    }

    public Signal ToSignal() => Build();
}
