using NCrontab;

namespace Alignment.Cli.Serve;

/// <summary>One timer of <c>alignment serve</c>: the same name and schedule setting as the Functions timer.</summary>
/// <param name="Name">The Functions function name (<c>ScoreAccounts</c>, <c>FullRescore</c>, <c>SweepSla</c>, <c>DrainInbox</c>).</param>
/// <param name="Expression">The expression as configured.</param>
/// <param name="Schedule">The parsed NCRONTAB schedule (see <see cref="Alignment.Hosting.Schedules.TimerSchedule"/>).</param>
/// <param name="RunAsync">Runs the job once in its own scope; returns a one-line summary (no personal data).</param>
internal sealed record ScheduledJob(string Name, string Expression, CrontabSchedule Schedule, Func<IServiceProvider, CancellationToken, Task<string>> RunAsync);
