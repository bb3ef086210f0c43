using System.CommandLine;
using Alignment.Cli.Commands;

// Exit codes (README, "CLI verbs and exit codes"): 0 ok, 1 failure, 2 bad command line / input / configuration,
// 3 stopped at the API budget, 130 stopped by Ctrl+C. Ctrl+C cancels the verb's token; it then has 15 s to shut down what it started.
return await CommandCatalog.InvokeAsync(args, new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(15) }, CancellationToken.None);
