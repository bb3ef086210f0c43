using Alignment.Functions.Middleware;
using Alignment.Hosting.Runs;
using Alignment.Sync.Crm;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Alignment.Functions.Tests.Middleware;

/// <summary>
/// The one failure policy: every invocation logged (function, invocation id, attempt, elapsed; never payloads),
/// failures logged and rethrown for the host's retry, a run stopped at the CRM's API budget a warning and a success.
/// </summary>
public sealed class InvocationPolicyMiddlewareTests : IDisposable
{
    private const string InvocationId = "8d3c0f5e-1b0a-4c55-9a8e-6f0d1e2a3b4c";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeLogCollector _logs = new();
    private readonly ServiceProvider _services;
    private readonly Mock<FunctionContext> _context = new();

    public InvocationPolicyMiddlewareTests()
    {
        _services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)))
            .BuildServiceProvider();
        var definition = new Mock<FunctionDefinition>();
        definition.Setup(d => d.Name).Returns("ScoreAccounts");
        var retry = new Mock<RetryContext>();
        retry.Setup(r => r.RetryCount).Returns(2);
        retry.Setup(r => r.MaxRetryCount).Returns(3);
        _context.Setup(c => c.FunctionDefinition).Returns(definition.Object);
        _context.Setup(c => c.InvocationId).Returns(InvocationId);
        _context.Setup(c => c.RetryContext).Returns(retry.Object);
        _context.SetupProperty(c => c.InstanceServices, _services);
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Invoke_Completes_LogsStartAndCompletionWithElapsedTime()
    {
        await new InvocationPolicyMiddleware(_time).Invoke(_context.Object, _ =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(1500));
            return Task.CompletedTask;
        });

        var records = _logs.GetSnapshot();
        Assert.Equal([LogLevel.Debug, LogLevel.Information], records.Select(r => r.Level));
        Assert.Equal("Function ScoreAccounts invocation " + InvocationId + " started (retry 2)", records[0].Message);
        Assert.Equal("Function ScoreAccounts invocation " + InvocationId + " completed in 1500 ms", records[1].Message);
    }

    [Fact]
    public async Task Invoke_FunctionThrows_LogsTheFailureAndRethrowsTheSameException()
    {
        var failure = new RunFailedException(Sync.Runs.RunKind.Scoring, "salesforce:scoring:20261203T090000000Z", "SERVER_UNAVAILABLE");

        var thrown = await Assert.ThrowsAsync<RunFailedException>(() => new InvocationPolicyMiddleware(_time).Invoke(_context.Object, _ => throw failure));

        Assert.Same(failure, thrown);
        var error = _logs.LatestRecord;
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Same(failure, error.Exception);
        Assert.Equal("Function ScoreAccounts invocation " + InvocationId + " failed with RunFailedException (retry 2); rethrown for the host's retry policy", error.Message);
        Assert.Equal(4, error.Id.Id);
    }

    [Fact]
    public async Task Invoke_RunStoppedAtTheApiBudget_LogsAWarningAndSucceeds()
    {
        await new InvocationPolicyMiddleware(_time).Invoke(
            _context.Object,
            _ => throw new CrmBudgetExhaustedException("salesforce", "Daily budget used.", new ApiUsage(10, 80_000, 100_000)));

        var warning = _logs.LatestRecord;
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(3, warning.Id.Id);
        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Invoke_Cancelled_RethrowsWithoutAnErrorLog()
    {
        await Assert.ThrowsAsync<OperationCanceledException>(
            () => new InvocationPolicyMiddleware(_time).Invoke(_context.Object, _ => throw new OperationCanceledException()));

        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
    }
}
