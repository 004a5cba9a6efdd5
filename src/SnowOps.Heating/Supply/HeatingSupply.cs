using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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

    /// <summary>The schedules of advice and of the forecast feed, from settings checked first: a bad interval must name itself rather than fail inside Quartz.</summary>
    public static IServiceCollection AddHeatingSupplySchedule(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(SupplyOptions.Section).Get<SupplyOptions>() ?? new SupplyOptions();
        if (SupplyValidation.Problems(settings).ToList() is { Count: > 0 } problems)
            throw new OptionsValidationException(SupplyOptions.Section, typeof(SupplyOptions), problems);
        services.AddSupplySchedule(settings);
        services.AddForecastFeedSchedule(configuration);
        return services;
    }

    /// <summary>
    /// The consumer of plan raises, with the services it needs added where the host has not added them (a harness that
    /// registers Heating's consumers alone still gets a consumer that works, on the default settings).
    /// </summary>
    public static void AddSupplyConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.TryAddScoped<OutdoorForecast>();
        bus.TryAddScoped<SupplyAdvisor>();
        bus.AddConsumer<SupplyRaises>();
    }

    public static IEndpointRouteBuilder MapHeatingSupplyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapForecastEndpoints();
        app.MapSupplyEndpoints();
        return app;
    }
}
