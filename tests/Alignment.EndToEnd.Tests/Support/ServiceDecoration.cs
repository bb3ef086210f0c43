using Microsoft.Extensions.DependencyInjection;

namespace Alignment.EndToEnd.Tests.Support;

/// <summary>Wraps the registered implementation of a port (the last registration wins) in a test decorator.</summary>
internal static class ServiceDecoration
{
    public static IServiceCollection Decorate<T>(this IServiceCollection services, Func<T, T> wrap)
        where T : class
    {
        var index = -1;
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(T) && !services[i].IsKeyedService)
            {
                index = i;
            }
        }

        if (index < 0)
        {
            throw new InvalidOperationException(typeof(T).Name + " is not registered.");
        }

        var inner = services[index];
        services[index] = ServiceDescriptor.Describe(typeof(T), sp => wrap((T)Create(inner, sp)), inner.Lifetime);
        return services;
    }

    private static object Create(ServiceDescriptor descriptor, IServiceProvider services) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
