using System.Reflection;
using Alignment.Cli.Sandbox;
using Alignment.Functions.Middleware;
using Alignment.Functions.Tests.Metadata;
using Alignment.Hosting;
using Alignment.Hosting.Health;
using Alignment.Sync.Crm;
using Alignment.Sync.Inbox;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Functions.Tests.Composition;

/// <summary>
/// The worker's real service collection (<c>FunctionsApplication.CreateBuilder</c> + <see cref="AlignmentWorker.AddAlignmentWorker"/>,
/// exactly what <c>Program.cs</c> runs), given <c>local.settings.sample.json</c> pointed at the sandbox's emulators,
/// builds with <c>ValidateOnBuild</c>/<c>ValidateScopes</c> and creates every function class the way the worker does.
/// </summary>
public sealed class WorkerCompositionTests
{
    public static TheoryData<CrmKind> Crms => [CrmKind.Salesforce, CrmKind.HubSpot];

    /// <summary>Every class with a <c>[Function]</c> method: a new function is covered without editing this test.</summary>
    public static IReadOnlyList<Type> FunctionClasses { get; } =
    [
        .. typeof(AlignmentWorker).Assembly.GetTypes()
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
            .OrderBy(t => t.Name, StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Crms))]
    public async Task AddAlignmentWorker_SampleSettingsPointedAtTheSandbox_CreatesEveryFunctionClassOnTheSandboxCrm(CrmKind crm)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var sandbox = await SandboxEnvironment.StartAsync(
            new SandboxOptions { Crms = [crm], Azurite = false, AccountCount = 5, Seed = 7 }, progress: null, cancellationToken);
        var builder = WorkerSettings.Builder(WorkerSettings.Sample(sandbox.ConnectorSettings(crm)));

        builder.AddAlignmentWorker();

        await using var provider = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        var created = FunctionClasses.Select(type => ActivatorUtilities.CreateInstance(scope.ServiceProvider, type)).ToList();
        Assert.Equal(FunctionClasses, created.Select(f => f.GetType()));
        Assert.Equal(DeclaredFunctions.All.Count, FunctionClasses.Sum(t => t.GetMethods().Count(m => m.GetCustomAttribute<FunctionAttribute>() is not null)));

        // The composed CRM client is the configured one and reaches the sandbox's emulator with the sample's settings.
        var crmPort = scope.ServiceProvider.GetRequiredService<ICrm>();
        var read = new List<CrmAccount>();
        await foreach (var account in crmPort.ReadAccountsAsync(new CrmReadRequest(null, sandbox.Org.AsOf.AddDays(-90)), cancellationToken))
        {
            read.Add(account);
        }

        Assert.Equal(crm.ToString().ToLowerInvariant(), crmPort.Name);
        Assert.Equal(sandbox.Org.Accounts.Count, read.Count);
        Assert.Equal(crm.ToString().ToLowerInvariant(), Assert.Single(scope.ServiceProvider.GetServices<IWebhookParser>()).Source);
        Assert.Equal(crm.ToString(), (await scope.ServiceProvider.GetRequiredService<HealthReporter>().CheckAsync(cancellationToken)).Crm);

        // The failure policy runs around every invocation.
        Assert.IsType<InvocationPolicyMiddleware>(scope.ServiceProvider.GetRequiredService<InvocationPolicyMiddleware>());
    }
}
