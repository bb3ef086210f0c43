using Alignment.Core.Signals;
using Alignment.Sandbox.Generation;

namespace Alignment.Sandbox.Tests.Generation;

public sealed class SeededTitlesTests
{
    [Fact]
    public void For_EveryLevel_ATitleTheAdaptersClassifyBackToIt() =>
        Assert.All(Enum.GetValues<Seniority>(), level => Assert.Equal(level, SeniorityTitles.Classify(SeededTitles.For(level))));
}
