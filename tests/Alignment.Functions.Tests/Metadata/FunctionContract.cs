namespace Alignment.Functions.Tests.Metadata;

/// <summary>What the host must know of one function, in one spelling whatever it was read from.</summary>
/// <param name="Name">The function name (<c>[Function("...")]</c>).</param>
/// <param name="Trigger"><c>http</c>, <c>timer</c> or <c>queue</c>.</param>
/// <param name="Methods">HTTP methods, upper case, comma-separated; null for a timer.</param>
/// <param name="Route">The URL path with the host's route prefix (<c>/api/health</c>); a queue trigger's queue name; null for a timer.</param>
/// <param name="AuthLevel"><c>Function</c> or <c>Anonymous</c>; null for a timer.</param>
/// <param name="ScheduleSetting">The app setting the timer's schedule is read from (<c>Alignment:Schedules:Score</c>); null for HTTP.</param>
/// <param name="Retry"><c>exponentialBackoff(3, 00:00:30, 00:05:00)</c>, <c>fixedDelay(2, 00:00:30)</c>, or null.</param>
public sealed record FunctionContract(
    string Name,
    string Trigger,
    string? Methods,
    string? Route,
    string? AuthLevel,
    string? ScheduleSetting,
    string? Retry)
{
    public static FunctionContract Http(string name, string methods, string route, string authLevel) =>
        new(name, "http", methods, route, authLevel, null, null);

    public static FunctionContract Timer(string name, string scheduleSetting, string? retry) =>
        new(name, "timer", null, null, null, scheduleSetting, retry);

    public static FunctionContract Queue(string name, string queueName) =>
        new(name, "queue", null, queueName, null, null, null);
}
