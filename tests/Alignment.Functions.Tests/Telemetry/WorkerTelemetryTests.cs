using Alignment.Cli.Sandbox;
using Alignment.Core.Accounts;
using Alignment.Functions.Tests.Composition;
using Alignment.Functions.Tests.Triggers;
using Alignment.Functions.Triggers;
using Alignment.Hosting;
using Alignment.Hosting.Configuration;
using Alignment.Sync.Crm;
using Alignment.Sync.Telemetry;
using Alignment.TestKit.Builders;
using Azure.Identity;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Alignment.Functions.Tests.Telemetry;

/// <summary>
/// The worker's telemetry pipeline (<see cref="WorkerTelemetry"/>), composed exactly as <c>Program.cs</c> composes it:
/// with an Application Insights connection string, the runs' spans and metrics reach the ingestion endpoint (a loopback
/// stand-in), and nothing personal goes with them.
/// </summary>
[Collection(SyncTelemetryCollection.Name)]
public sealed class WorkerTelemetryTests
{
    [Fact]
    public async Task Worker_WithAConnectionString_ExportsEachRunsSpanAndMetricsToApplicationInsightsWithoutPersonalData()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var ingestion = await IngestionEndpoint.StartAsync(cancellationToken);
        await using var sandbox = await SandboxEnvironment.StartAsync(
            new SandboxOptions { Crms = [CrmKind.Salesforce], Azurite = false, AccountCount = 3, Seed = 7 }, progress: null, cancellationToken);
        var settings = new Dictionary<string, string?>(sandbox.ConnectorSettings(CrmKind.Salesforce))
        {
            [WorkerTelemetry.ConnectionStringSetting] = ingestion.ConnectionString,
        };
        var builder = WorkerSettings.Builder(WorkerSettings.Sample(settings));
        builder.AddAlignmentWorker();

        using (var host = builder.Build())
        {
            var tracing = host.Services.GetRequiredService<TracerProvider>();
            var metrics = host.Services.GetRequiredService<MeterProvider>();
            var h = new JobHarness();
            h.Crm.Put(AccountBuilder.AnAccount().WithId("001A").WithName("Acme Personal Name").WithOwner(new Owner("005A", "pat.owner@example.com", "Europe/Berlin")).Build(), JobHarness.T0.AddDays(-1));
            h.AddAccount("001B");

            await new ScoreAccountsFunction(h.ScoringJob()).RunAsync(new TimerInfo(), cancellationToken);

            Assert.True(tracing.ForceFlush(30_000), "The trace exporter did not flush.");
            Assert.True(metrics.ForceFlush(30_000), "The metric exporter did not flush.");
        }

        var envelopes = ingestion.Envelopes;
        Assert.Contains(envelopes, e => e.Contains("\"scoring-run\"", StringComparison.Ordinal) && e.Contains("alignment.run.id", StringComparison.Ordinal));
        foreach (var metric in new[] { "alignment.runs", "alignment.accounts.read", "alignment.accounts.scored", "alignment.accounts.written", "alignment.crm.api_calls" })
        {
            Assert.Contains(envelopes, e => e.Contains("\"MetricData\"", StringComparison.Ordinal) && e.Contains($"\"{metric}\"", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(envelopes, e => e.Contains('@', StringComparison.Ordinal) || e.Contains("Acme", StringComparison.Ordinal)
            || e.Contains("pat.owner", StringComparison.Ordinal) || e.Contains("Bearer", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Worker_WithoutAConnectionString_RecordsTheRunsSpansButExportsNothing()
    {
        var builder = WorkerSettings.Builder(WorkerSettings.Sample());
        builder.Services.AddAlignmentTelemetry(builder.Configuration);

        using var provider = builder.Services.BuildServiceProvider();
        using var tracing = provider.GetRequiredService<TracerProvider>();
        using var activity = SyncTelemetry.StartRun("scoring-run", "salesforce");

        // The worker's tracer provider listens to the jobs' source (the span is sampled and recorded) ...
        Assert.True(activity is { Recorded: true }, "The worker's tracer provider does not listen to the Alignment.Sync source.");

        // ... and, without a connection string, nothing from Azure Monitor is registered.
        Assert.DoesNotContain(builder.Services, d => (d.ImplementationType ?? d.ServiceType).Namespace?.StartsWith("Azure.Monitor", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void CredentialFor_NoAuthenticationString_UsesTheConnectionStringsKey(string? value) =>
        Assert.Null(WorkerTelemetry.CredentialFor(value));

    [Theory]
    [InlineData("Authorization=AAD")]
    [InlineData("authorization=aad")]
    [InlineData("Authorization=AAD;ClientId=6b1c7e3e-7a0f-4c55-9d3c-2f0e7d2a9b11")]
    public void CredentialFor_Entra_UsesTheAppsManagedIdentity(string value) =>
        Assert.IsType<ManagedIdentityCredential>(WorkerTelemetry.CredentialFor(value));

    [Theory]
    [InlineData("Authorization=Key", "only Authorization=AAD")]
    [InlineData("AAD", "is not a key=value pair")]
    [InlineData("Authorization=AAD;ClientId=not-a-guid", "ClientId must be the client id")]
    public void CredentialFor_Malformed_NamesTheSettingAndTheFix(string value, string problem)
    {
        var thrown = Assert.Throws<AlignmentConfigurationException>(() => WorkerTelemetry.CredentialFor(value));

        var reported = Assert.Single(thrown.Problems);
        Assert.Equal(WorkerTelemetry.AuthenticationStringSetting, reported.Setting);
        Assert.Contains(problem, reported.Problem, StringComparison.Ordinal);
        Assert.Contains("Authorization=AAD", thrown.Message, StringComparison.Ordinal);
    }
}
