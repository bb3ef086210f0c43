using Alignment.Functions.Middleware;
using Alignment.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alignment.Functions;

/// <summary>The worker's composition, in one method that <c>Program.cs</c> and the composition tests both call.</summary>
public static class AlignmentWorker
{
    /// <summary>The process exit code when the configuration is invalid (the same as <c>alignment serve</c>'s).</summary>
    public const int BadConfigurationExitCode = 2;

    /// <summary>
    /// Registers the connector (<c>AddAlignment</c>, which validates the whole configuration first and throws one
    /// <see cref="Alignment.Hosting.Configuration.AlignmentConfigurationException"/> listing every bad setting), the
    /// invocation middleware, the telemetry (<see cref="WorkerTelemetry"/>), and a service provider validated on build (every function's dependencies resolvable,
    /// no scoped service taken by a singleton) so that a wiring mistake stops the start, not the first invocation.
    /// </summary>
    public static FunctionsApplicationBuilder AddAlignmentWorker(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        builder.UseMiddleware<InvocationPolicyMiddleware>();
        builder.Services.AddAlignment(builder.Configuration);
        builder.Services.AddAlignmentTelemetry(builder.Configuration);
        return builder;
    }
}
