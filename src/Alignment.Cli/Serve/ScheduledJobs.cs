using System.Globalization;
using Alignment.Hosting.Runs;
using Alignment.Hosting.Schedules;
using Alignment.Sync.Calibration;
using Alignment.Sync.Inbox;
using Alignment.Sync.Scoreboard;
using Alignment.Sync.Scoring;
using Alignment.Sync.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Cli.Serve;

/// <summary>The timers of the Functions app, each bound to its job, with the schedules of the same settings.</summary>
internal static class ScheduledJobs
{
    public static IReadOnlyList<ScheduledJob> From(ScheduleOptions schedules)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        return
        [
            new("ScoreAccounts", schedules.Score, TimerSchedule.Parse(schedules.Score), async (services, ct) =>
            {
                var result = (await services.GetRequiredService<ScoringRunJob>().RunAsync(new ScoringRunRequest(false), ct).ConfigureAwait(false)).ThrowIfFailed();
                return Invariant($"{result.Outcome}: {result.Read} read, {result.Written} written, {result.Handoffs} handoffs, {result.ApiCalls} API calls");
            }),
            new("FullRescore", schedules.FullRescore, TimerSchedule.Parse(schedules.FullRescore), async (services, ct) =>
            {
                var result = (await services.GetRequiredService<ScoringRunJob>().RunAsync(new ScoringRunRequest(true), ct).ConfigureAwait(false)).ThrowIfFailed();
                return Invariant($"{result.Outcome}: {result.Read} read, {result.Written} written, {result.Handoffs} handoffs, {result.ApiCalls} API calls");
            }),
            new("SweepSla", schedules.SweepSla, TimerSchedule.Parse(schedules.SweepSla), async (services, ct) =>
            {
                var result = (await services.GetRequiredService<SlaSweepJob>().RunAsync(ct).ConfigureAwait(false)).ThrowIfFailed();
                return Invariant($"{result.Outcome}: {result.Read} open, {result.Written} written, {result.AlertsSent} alerts sent");
            }),
            new("DrainInbox", schedules.DrainInbox, TimerSchedule.Parse(schedules.DrainInbox), async (services, ct) =>
            {
                var result = await services.GetRequiredService<InboxDrainJob>().RunAsync(ct).ConfigureAwait(false);
                return Invariant($"{result.Done} done, {result.Retrying} retrying, {result.Parked} parked, {result.AccountsWritten} accounts written");
            }),
            new("WeeklyDigest", schedules.WeeklyDigest, TimerSchedule.Parse(schedules.WeeklyDigest), async (services, ct) =>
            {
                var digest = await services.GetRequiredService<WeeklyDigestJob>().RunAsync(ct).ConfigureAwait(false);
                return digest is null ? "nothing due" : Invariant($"digest of {digest.This.Week} recorded: {digest.This.Handoffs} handoffs");
            }),
            new("Calibrate", schedules.Calibrate, TimerSchedule.Parse(schedules.Calibrate), async (services, ct) =>
            {
                var result = (await services.GetRequiredService<CalibrationRunJob>().RunAsync(ct).ConfigureAwait(false)).ThrowIfFailed();
                return Invariant($"{result.Outcome}: {result.Summary?.Opportunities ?? 0} opportunities, {result.Summary?.SegmentsFlagged ?? 0} segments flagged, summary recorded {result.Recorded}, {result.AlertsSent} alerts sent{(result.Error is null ? "" : ", " + result.Error)}");
            }),
        ];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
