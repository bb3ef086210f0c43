using System.Reflection;
using Alignment.Benchmarks;
using BenchmarkDotNet.Running;

var commands = typeof(IBenchCommand).Assembly.GetTypes()
    .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IBenchCommand).IsAssignableFrom(t))
    .Select(t => (IBenchCommand)Activator.CreateInstance(t)!)
    .ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

if (args.Length > 0 && commands.TryGetValue(args[0], out var command))
{
    using var cts = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
    return await command.RunAsync(args[1..], cts.Token);
}

if (args.Length > 0 && args[0] is "list" or "--list-commands")
{
    foreach (var c in commands.Values.OrderBy(c => c.Name))
    {
        Console.WriteLine($"{c.Name,-24} {c.Description}");
    }

    return 0;
}

// Anything else goes to BenchmarkDotNet (e.g. --filter '*Scoring*').
BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly()).Run(args);
return 0;
