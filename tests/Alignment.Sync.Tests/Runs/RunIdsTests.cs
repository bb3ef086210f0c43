using Alignment.Sync.Runs;

namespace Alignment.Sync.Tests.Runs;

public sealed class RunIdsTests
{
    [Fact]
    public void For_StartWithOffset_IsCrmKindAndUtcStartToTheMillisecond()
    {
        var start = new DateTimeOffset(2026, 11, 20, 16, 0, 0, 123, TimeSpan.FromHours(1));

        Assert.Equal("hubspot:sla-sweep:20261120T150000123Z", RunIds.For("hubspot", RunKind.SlaSweep, start));
    }
}
