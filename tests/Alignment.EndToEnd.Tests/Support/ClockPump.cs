using Microsoft.Extensions.Time.Testing;

namespace Alignment.EndToEnd.Tests.Support;

/// <summary>
/// Runs a job on a <see cref="FakeTimeProvider"/> while moving that clock forward in small steps for as long as the job
/// waits (Slack's per-channel pacing, a <c>Retry-After</c>, an HTTP retry back-off): the waits pass on the fake clock, so
/// nothing in the test depends on the machine's speed. Bounded: a job still waiting after <see cref="MaxSteps"/>
/// steps fails the test.
/// </summary>
internal static class ClockPump
{
    public const int MaxSteps = 20_000;

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Func<Task<T>> job)
    {
        var task = job();
        for (var steps = 0; !task.IsCompleted; steps++)
        {
            if (steps >= MaxSteps)
            {
                throw new TimeoutException($"The job was still waiting after {MaxSteps} clock steps.");
            }

            await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(10), TestContext.Current.CancellationToken));
            if (!task.IsCompleted)
            {
                time.Advance(Step);
            }
        }

        return await task;
    }

    public static Task RunAsync(FakeTimeProvider time, Func<Task> job) =>
        RunAsync(time, async () =>
        {
            await job();
            return true;
        });
}
