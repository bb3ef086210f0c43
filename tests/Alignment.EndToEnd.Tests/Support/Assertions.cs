using System.Text.Json;
using Alignment.Core.Accounts;

namespace Alignment.EndToEnd.Tests.Support;

/// <summary>Assertions on what the CRM and Slack hold at the end of a test.</summary>
internal static class Assertions
{
    /// <summary>
    /// The account's fields are what a scoring run at one of <paramref name="runStarts"/> implies (the one that wrote
    /// them, as the CRM's scored-at field tells).
    /// </summary>
    public static void ScoredAsRulesSay(AlignmentState actual, Account seed, params DateTimeOffset[] runStarts)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var scoredAt = Assert.NotNull(actual.ScoredAt);
        Assert.Contains(scoredAt, runStarts);
        Assert.Equal(Expected.AfterScoring(seed, scoredAt), actual);
    }

    /// <summary>The account's fields are what a rescore at some instant in [<paramref name="from"/>, <paramref name="to"/>] implies.</summary>
    public static void ScoredAsRulesSayBetween(AlignmentState actual, Account seed, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var scoredAt = Assert.NotNull(actual.ScoredAt);
        Assert.InRange(scoredAt, from, to);
        Assert.Equal(Expected.AfterScoring(seed, scoredAt), actual);
    }

    /// <summary>(channel, alert key) of every SLA alert the sink accepted, in arrival order (handoff DMs and tier digests: <see cref="Announcements"/>).</summary>
    public static List<(string Channel, string Key)> Alerts(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return [.. All(world).Where(m => !IsAnnouncement(m.Key))];
    }

    /// <summary>(channel, key) of every handoff DM (<c>handoff|…</c>) and tier-crossing digest (<c>tiers|…</c>) the sink accepted, in arrival order.</summary>
    public static List<(string Channel, string Key)> Announcements(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return [.. All(world).Where(m => IsAnnouncement(m.Key))];
    }

    private static IEnumerable<(string Channel, string Key)> All(World world) =>
        world.Slack.Messages.Select(m => (m.Channel, KeyOf(m.MetadataPayloadJson)));

    private static bool IsAnnouncement(string key) =>
        key.StartsWith("handoff|", StringComparison.Ordinal) || key.StartsWith("tiers|", StringComparison.Ordinal);

    private static string KeyOf(string? payloadJson)
    {
        if (payloadJson is null)
        {
            return "(no metadata)";
        }

        using var document = JsonDocument.Parse(payloadJson);
        return document.RootElement.GetProperty("key").GetString() ?? "(no key)";
    }
}
