using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SnowOps.Heating.Registry;

public static class RegistryServices
{
    /// <summary>The registry's importer and its limits.</summary>
    public static IServiceCollection AddHeatingRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RegistryOptions>(configuration.GetSection(RegistryOptions.Section));
        services.AddScoped<RegistryImporter>();
        return services;
    }
}
