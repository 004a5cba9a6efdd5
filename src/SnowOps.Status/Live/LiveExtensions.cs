using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SnowOps.Status.Live;

public static class LiveExtensions
{
    /// <summary>SignalR, with enums by name as the HTTP API sends them, and the feed that pushes through it.</summary>
    public static IServiceCollection AddStatusLive(this IServiceCollection services)
    {
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Replace(ServiceDescriptor.Singleton<IStatusFeed, BusStatusFeed>());
        return services;
    }

    public static IEndpointRouteBuilder MapStatusHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<StatusHub>(StatusHub.Path);
        return app;
    }
}
