using Alignment.Sync.Scheduling;

namespace Alignment.Sync.Tests.Scheduling;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(10, 3600)]
    [InlineData(100, 3600)]
    public void Delay_DoublesPerAttemptUpToMax(int attempt, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryBackoff.Delay(attempt, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Delay_RetryAfterLonger_WaitsRetryAfter()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), RetryBackoff.Delay(1, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)));
    }
}
