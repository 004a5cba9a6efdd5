using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SnowOps.Heating.Forecasts;

namespace SnowOps.Heating.Supply;

/// <summary>The outdoor forecast and the supply-temperature advice made from it: services, consumer, schedule and endpoints.</summary>
public static class HeatingSupply
{
    /// <summary>Options (checked at start), the forecast and the advisor; also what the specs register.</summary>
    public static IServiceCollection AddHeatingSupply(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForecastOptions>(configuration.GetSection(ForecastOptions.Section));
        services.AddOptions<SupplyOptions>().Bind(configuration.GetSection(SupplyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SupplyOptions>, SupplyValidation>();
        services.AddScoped<ForecastIntake>();
        services.AddScoped<OutdoorForecast>();
        services.AddScoped<SupplyAdvisor>();
        services.AddForecastFeed(configuration);
        return services;
    }

    /// <summary>The schedule, from settings checked first: a bad interval must name itself rather than fail inside Quartz.</summary>
    public static IServiceCollection AddHeatingSupplySchedule(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(SupplyOptions.Section).Get<SupplyOptions>() ?? new SupplyOptions();
        if (SupplyValidation.Problems(settings).ToList() is { Count: > 0 } problems)
            throw new OptionsValidationException(SupplyOptions.Section, typeof(SupplyOptions), problems);
        services.AddSupplySchedule(settings);
        return services;
    }

    public static void AddSupplyConsumers(this IBusRegistrationConfigurator bus) => bus.AddConsumer<SupplyRaises>();

    public static IEndpointRouteBuilder MapHeatingSupplyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapForecastEndpoints();
        app.MapSupplyEndpoints();
        return app;
    }
}
