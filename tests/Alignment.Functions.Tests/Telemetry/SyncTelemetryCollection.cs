namespace Alignment.Functions.Tests.Telemetry;

/// <summary>Tests that run instrumented jobs: not in parallel with the telemetry tests, whose listeners are process-wide.</summary>
public static class SyncTelemetryCollection
{
    public const string Name = "Sync telemetry";
}
