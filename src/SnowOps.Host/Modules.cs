using SnowOps.CrewBot;
using SnowOps.Dispatch;
using SnowOps.Heating;
using SnowOps.Routing;
using SnowOps.ServiceDefaults.Hosting;
using SnowOps.Status;
using SnowOps.Weather;

namespace SnowOps.Host;

/// <summary>Composes the modules named in <c>SnowOps:Modules</c>: all of them in one process, or one per process.</summary>
public static class Modules
{
    sealed record Module(string Name, Action<IHostApplicationBuilder> Add, Action<IEndpointRouteBuilder> Map);

    static readonly Module[] All =
    [
        new(WeatherModule.Name, b => b.AddWeather(), a => a.MapWeatherEndpoints()),
        new(DispatchModule.Name, b => b.AddDispatch(), a => a.MapDispatchEndpoints()),
        new(RoutingModule.Name, b => b.AddRouting(), a => a.MapRoutingEndpoints()),
        new(HeatingModule.Name, b => b.AddHeating(), a => a.MapHeatingEndpoints()),
        new(CrewBotModule.Name, b => b.AddCrewBot(), a => a.MapCrewBotEndpoints()),
        new(StatusModule.Name, b => b.AddStatus(), a => a.MapStatusEndpoints()),
    ];

    public static IHostApplicationBuilder AddModules(this IHostApplicationBuilder builder)
    {
        var settings = builder.SnowOpsSettings();
        foreach (var module in All.Where(m => settings.Runs(m.Name)))
            module.Add(builder);
        return builder;
    }

    public static WebApplication MapModules(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<SnowOpsSettings>();
        foreach (var module in All.Where(m => settings.Runs(m.Name)))
            module.Map(app);
        return app;
    }
}
