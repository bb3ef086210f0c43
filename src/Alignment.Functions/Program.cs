using Alignment.Functions.Middleware;
using Alignment.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The Azure Functions isolated worker: one composition root (validated in full before the host starts), one
// middleware for logging and failure policy, and function classes that each adapt one trigger to one job.
var builder = FunctionsApplication.CreateBuilder(args);

builder.UseMiddleware<InvocationPolicyMiddleware>();
builder.Services.AddAlignment(builder.Configuration);

builder.Build().Run();
