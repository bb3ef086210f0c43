using Alignment.Functions;
using Alignment.Hosting.Configuration;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The Azure Functions isolated worker: one composition (validated in full before the host starts), one middleware for
// logging and failure policy, and function classes that each adapt one trigger to one job (docs/functions.md).
var builder = FunctionsApplication.CreateBuilder(args);
try
{
    builder.AddAlignmentWorker();
}
catch (AlignmentConfigurationException e)
{
    // Every bad setting at once, the same message as `alignment serve`; the host logs the worker's standard error.
    await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
    return AlignmentWorker.BadConfigurationExitCode;
}

await builder.Build().RunAsync().ConfigureAwait(false);
return 0;
