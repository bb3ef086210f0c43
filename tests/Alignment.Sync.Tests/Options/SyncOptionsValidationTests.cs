using Alignment.Sync.Settings;

namespace Alignment.Sync.Tests.Options;

/// <summary>
/// The settings' rules: each setting's own by its attribute through the source-generated validator, the rules across
/// settings by the hand-written one; every message names the setting, the problem and an example.
/// </summary>
public sealed class SyncOptionsValidationTests
{
    private static IReadOnlyList<string> Failures(SyncOptions options) =>
    [
        .. new SyncOptionsAnnotationsValidator().Validate(null, options).Failures ?? [],
        .. new SyncOptionsValidator().Validate(null, options).Failures ?? [],
    ];

    [Fact]
    public void Defaults_AreValid() => Assert.Empty(Failures(new SyncOptions()));

    [Theory]
    [InlineData(nameof(SyncOptions.WriteBatchSize), "Alignment:Sync:WriteBatchSize must be between 1 and 2000, e.g. 200.")]
    [InlineData(nameof(SyncOptions.PartitionSize), "Alignment:Sync:PartitionSize must be between 1000 and 500000, e.g. 50000.")]
    [InlineData(nameof(SyncOptions.InboxLease), "Alignment:Sync:InboxLease must be a positive duration, e.g. \"00:05:00\".")]
    [InlineData(nameof(SyncOptions.InboxDrainTimeLimit), "Alignment:Sync:InboxDrainTimeLimit must be a positive duration of at most 00:25:00 (headroom under the Functions timeout of host.json), e.g. \"00:04:00\".")]
    [InlineData(nameof(SyncOptions.WeeklyHandoffCommitment), "Alignment:Sync:WeeklyHandoffCommitment must be between 0 and 1000000 handoffs a week, e.g. 40.")]
    [InlineData(nameof(SyncOptions.ModelPath), "Alignment:Sync:ModelPath is required, e.g. \"config/scoring.json\".")]
    [InlineData(nameof(SyncOptions.MaxBackoff), "Alignment:Sync:MaxBackoff must be at least BackoffBase, e.g. \"01:00:00\".")]
    [InlineData(nameof(SyncOptions.ScoreboardTimeZone), "Alignment:Sync:ScoreboardTimeZone: ")]
    public void BadValue_OneMessageNamingTheSettingWithAnExample(string setting, string message)
    {
        var options = setting switch
        {
            nameof(SyncOptions.WriteBatchSize) => new SyncOptions { WriteBatchSize = 0 },
            nameof(SyncOptions.PartitionSize) => new SyncOptions { PartitionSize = 999 },
            nameof(SyncOptions.InboxLease) => new SyncOptions { InboxLease = TimeSpan.Zero },
            nameof(SyncOptions.InboxDrainTimeLimit) => new SyncOptions { InboxDrainTimeLimit = TimeSpan.FromMinutes(26) },
            nameof(SyncOptions.WeeklyHandoffCommitment) => new SyncOptions { WeeklyHandoffCommitment = -1 },
            nameof(SyncOptions.ModelPath) => new SyncOptions { ModelPath = "  " },
            nameof(SyncOptions.MaxBackoff) => new SyncOptions { MaxBackoff = TimeSpan.FromSeconds(1) },
            nameof(SyncOptions.ScoreboardTimeZone) => new SyncOptions { ScoreboardTimeZone = "Mars/Olympus_Mons" },
            _ => throw new ArgumentOutOfRangeException(nameof(setting)),
        };

        var failure = Assert.Single(Failures(options));

        Assert.StartsWith(message, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void EdgeValues_Accepted()
    {
        var options = new SyncOptions { WriteBatchSize = 2000, FullRescoreHourUtc = 0, InboxDrainTimeLimit = TimeSpan.FromMinutes(25), WeeklyHandoffCommitment = 0 };

        Assert.Empty(Failures(options));
    }
}
