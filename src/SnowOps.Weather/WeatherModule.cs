using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SnowOps.ServiceDefaults.Data;
using SnowOps.Weather.Alerts;
using SnowOps.Weather.Data;
using SnowOps.Weather.Zones;
using SnowOps.Weather.Feeds;

namespace SnowOps.Weather;

/// <summary>Weather: takes in warnings from agencies and tells the rest of SnowOps, once per warning.</summary>
public static class WeatherModule
{
    public const string Name = "Weather";

    public static IHostApplicationBuilder AddWeather(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<WeatherOptions>(builder.Configuration.GetSection("SnowOps:Weather"));
        builder.AddModuleDatabase<WeatherDbContext, WeatherSqliteContext, WeatherPostgresContext>(Name);
        builder.Services.AddScoped<AlertIntake>();
        builder.Services.AddScoped<ZoneMatcher>();
        builder.Services.AddSingleton<SourcePolicy>();
        builder.Services.AddHostedService<ZoneSeeder>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddWeatherFeeds();
        builder.Services.AddAlertExpiry();
        return builder;
    }

    public static IEndpointRouteBuilder MapWeatherEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAlertEndpoints();
        app.MapManualAlertEndpoints();
        app.MapZoneEndpoints();
        app.MapFeedEndpoints();
        return app;
    }
}
