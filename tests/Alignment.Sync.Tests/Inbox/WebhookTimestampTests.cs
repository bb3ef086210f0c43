using Alignment.Sync.Inbox;
using FsCheck;
using FsCheck.Fluent;

namespace Alignment.Sync.Tests.Inbox;

public sealed class WebhookTimestampTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(0, true)]
    [InlineData(300_000, true)]
    [InlineData(-300_000, true)]
    [InlineData(300_001, false)]
    [InlineData(-300_001, false)]
    public void IsWithin_BothDirections(long offsetMs, bool expected) =>
        Assert.Equal(expected, WebhookTimestamp.IsWithin(Now.ToUnixTimeMilliseconds() + offsetMs, Now, Window));

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(99_999_999_999_999_999)]
    [InlineData(-99_999_999_999_999_999)]
    public void IsWithin_ExtremeValues_FalseWithoutThrowing(long value)
    {
        Assert.False(WebhookTimestamp.IsWithin(value, Now, Window));
        Assert.False(WebhookTimestamp.IsWithinSeconds(value, Now, Window));
    }

    [Fact]
    public void IsWithinSeconds_AnyValue_NeverThrowsAndMatchesTheWindow()
    {
        var values = Gen.OneOf(
            Gen.Choose(-1_000, 1_000).Select(d => Now.ToUnixTimeSeconds() + d),
            Gen.Choose(int.MinValue, int.MaxValue).Select(i => (long)i * 4_294_967_296L));

        Prop.ForAll(values.ToArbitrary(), s =>
            WebhookTimestamp.IsWithinSeconds(s, Now, Window) == (Math.Abs((decimal)s - Now.ToUnixTimeSeconds()) <= 300))
            .QuickCheckThrowOnFailure();
    }
}
