using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Health;
using SnowOps.ServiceDefaults.Http;
using SnowOps.ServiceDefaults.Hosting;
using SnowOps.ServiceDefaults.Telemetry;

namespace SnowOps.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Telemetry, health, problem details, auth and OpenAPI: what every SnowOps process has.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.SnowOpsSettings());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddTelemetry();
        builder.Services.AddHealthChecks();
        builder.Services.AddProblemDetails(ProblemDefaults.Configure);
        // Enums travel by name ("RoadIcing", "Orange"), as people write them and as the contracts document them.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi();
        builder.AddSnowOpsAuth();
        builder.AddForwardedClients();
        // Modules add their own policies; the middleware needs the services even where none does.
        builder.Services.AddRateLimiter();
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseForwardedClients();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseMiddleware<AuditTrail>();
        app.UseAuthorization();
        app.UseRateLimiter();

        // Live: the process answers. Ready: its broker and every database it owns answer too.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        app.MapOpenApi();
        app.MapGet("/", (HttpContext context) => Results.Ok(new
        {
            service = "SnowOps",
            modules = app.Services.GetRequiredService<IEnumerable<IModuleDatabase>>().Select(d => d.Module),
            openApi = "/openapi/v1.json",
        })).ExcludeFromDescription();
        return app;
    }

    /// <summary>Brings every module's schema up to date before the bus starts delivering messages.</summary>
    public static async Task MigrateModuleDatabasesAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        foreach (var database in app.Services.GetRequiredService<IEnumerable<IModuleDatabase>>())
            await database.MigrateAsync(app.Services, cancellationToken);
    }
}
