using Alignment.Hosting.Configuration;
using Alignment.Sync.Telemetry;
using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Alignment.Functions;

/// <summary>
/// The worker's telemetry (docs/functions.md, "Telemetry"): OpenTelemetry with the Functions worker's defaults (each
/// invocation a span, correlated with the host's, which runs with <c>"telemetryMode": "OpenTelemetry"</c> in
/// host.json), the jobs' own traces and metrics (<see cref="SyncTelemetry"/>: one span per run, counters of accounts,
/// API calls, alerts, breaches and the inbox), exported to Application Insights by the Azure Monitor trace and metric
/// exporters when <see cref="ConnectionStringSetting"/> is set. Logs are not exported here: the worker's logs travel to
/// the host over gRPC and the host exports them (exporting them here too would count every line twice). With <see cref="AuthenticationStringSetting"/>
/// <c>Authorization=AAD</c> (what infra/ sets: the component refuses instrumentation keys) the exporter authenticates
/// with the app's managed identity, system-assigned or, with <c>ClientId=</c>, user-assigned.
/// </summary>
public static class WorkerTelemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>Registers the OpenTelemetry pipeline; throws <see cref="AlignmentConfigurationException"/> on a malformed authentication string.</summary>
    public static IServiceCollection AddAlignmentTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(SyncTelemetry.SourceName))
            .WithMetrics(metrics => metrics.AddMeter(SyncTelemetry.SourceName));

        var connectionString = configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            // Locally (alignment serve, tests, func start without a component): no exporter, the spans and metrics stay
            // available to any listener.
            return services;
        }

        var credential = CredentialFor(configuration[AuthenticationStringSetting]);
        void Configure(AzureMonitorExporterOptions options)
        {
            options.ConnectionString = connectionString;

            // Every span is kept: a run is one span per schedule and must never be sampled away; the exporter's default
            // (5 traces a second, rate-limited) would drop run spans during a webhook burst (docs/functions.md).
            options.TracesPerSecond = null;
            options.SamplingRatio = 1F;
            if (credential is not null)
            {
                options.Credential = credential;
            }
        }

        telemetry.WithTracing(tracing => tracing.AddAzureMonitorTraceExporter(Configure))
            .WithMetrics(metrics => metrics.AddAzureMonitorMetricExporter(Configure));
        return services;
    }

    /// <summary>
    /// The credential named by an Application Insights authentication string (<c>Authorization=AAD[;ClientId=…]</c>,
    /// the same setting the Functions host reads); null when none is set (the connection string's key is used).
    /// </summary>
    internal static TokenCredential? CredentialFor(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw Malformed($"'{part}' is not a key=value pair.");
            }

            parts[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        if (!parts.TryGetValue("Authorization", out var authorization) || !authorization.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            throw Malformed("only Authorization=AAD (Microsoft Entra authentication with the app's managed identity) is supported.");
        }

        if (parts.TryGetValue("ClientId", out var clientId))
        {
            return Guid.TryParse(clientId, out _)
                ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
                : throw Malformed("ClientId must be the client id (a GUID) of the user-assigned managed identity.");
        }

        return new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }

    private static AlignmentConfigurationException Malformed(string problem) =>
        new([new ConfigurationProblem(AuthenticationStringSetting, problem, "Authorization=AAD")]);
}
