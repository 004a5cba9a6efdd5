using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SnowOps.ServiceDefaults.Http;
using SnowOps.Status.Data;

namespace SnowOps.Status.Public;

/// <summary>The lookup anyone may use without logging in, limited per client address: street status and the cleared-streets feed.</summary>
public static class PublicEndpoints
{
    public static IHostApplicationBuilder AddPublicLookup(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<PublicOptions>(builder.Configuration.GetSection(PublicOptions.Section));
        builder.Services.AddRateLimiter(o => o.AddPolicy<string, PublicRateLimit>(PublicRateLimit.Policy));
        return builder;
    }

    public static IEndpointRouteBuilder MapPublicEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/public").AllowAnonymous().RequireRateLimiting(PublicRateLimit.Policy).WithTags("Public");
        group.MapGet("/streets", StreetsAsync)
            .WithSummary("When a street was last plowed and treated, and whether a crew is on it now: by name (?name=) or by a point (?lat=&lon=).");
        group.MapGet("/cleared.geojson", ClearedAsync)
            .WithSummary("Streets cleared by completed plow and de-icing routes, as GeoJSON; ?since= keeps those completed from then on.");
        return app;
    }

    static async Task<IResult> StreetsAsync(StatusDbContext db, IOptions<PublicOptions> options, string? name, double? lat, double? lon,
        CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (lat is not null || lon is not null)
        {
            if (lat is not { } latitude || lon is not { } longitude)
                return Problems.BadRequest("Give both lat and lon, or a name.");
            if (latitude is < -90 or > 90 || longitude is < -180 or > 180 || !double.IsFinite(latitude) || !double.IsFinite(longitude))
                return Problems.Unprocessable("lat must be within -90..90 and lon within -180..180.");
            var served = await ServedRoutes.LoadAsync(db, cancellationToken);
            var near = served.StreetsNear(latitude, longitude, limits.NearestStreetMeters);
            return near.Count == 0
                ? Problems.NotFound($"No served street within {limits.NearestStreetMeters} m of {latitude}, {longitude}.")
                : Results.Ok(new { streets = near.Select(served.StatusOf) });
        }
        var wanted = name?.Trim();
        if (string.IsNullOrEmpty(wanted))
            return Problems.BadRequest("Give a street name (?name=) or a point (?lat=&lon=).");
        if (wanted.Length > limits.MaxNameLength)
            return Problems.BadRequest($"A street name is at most {limits.MaxNameLength} characters.");
        var routes = await ServedRoutes.LoadAsync(db, cancellationToken);
        var matches = routes.StreetNames
            .Where(s => s.Contains(wanted, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => !string.Equals(s, wanted, StringComparison.OrdinalIgnoreCase)).ThenBy(s => s, StringComparer.Ordinal)
            .Take(20)
            .ToList();
        return matches.Count == 0
            ? Problems.NotFound($"No street named '{wanted}' is on any route.")
            : Results.Ok(new { streets = matches.Select(routes.StatusOf) });
    }

    static async Task<IResult> ClearedAsync(StatusDbContext db, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var routes = await ServedRoutes.LoadAsync(db, cancellationToken);
        return Results.Text(ClearedFeed.Write(routes.Cleared(since)), ClearedFeed.ContentType);
    }
}
