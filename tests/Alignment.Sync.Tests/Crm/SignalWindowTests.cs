using Alignment.Sync.Crm;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Alignment.TestKit.Scoring;

namespace Alignment.Sync.Tests.Crm;

public sealed class SignalWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private static readonly AlignmentRules Rules = AlignmentRules.From(DefaultScoringModel.Value);

    [Theory]
    [InlineData(30, 90)] // the model's engagement window (90 days) is longer than the look-back
    [InlineData(90, 90)]
    [InlineData(180, 180)] // the look-back is longer than every model window
    public void Since_LookbackAndModelWindow_TakesTheLonger(int lookbackDays, int expectedDays)
    {
        var since = SignalWindow.Since(Now, new SyncOptions { SignalLookbackDays = lookbackDays }, Rules);

        Assert.Equal(Now.AddDays(-expectedDays), since);
    }
}
