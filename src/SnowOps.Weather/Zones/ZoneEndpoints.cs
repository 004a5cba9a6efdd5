using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;
using SnowOps.Weather.Data;

namespace SnowOps.Weather.Zones;

public static class ZoneEndpoints
{
    static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static IEndpointRouteBuilder MapZoneEndpoints(this IEndpointRouteBuilder app)
    {
        var zones = app.MapGroup("/api/zones").WithTags("Zones");
        zones.MapGet("/", ListAsync).RequireAuthorization(Policies.Watch).WithSummary("The city's zones as GeoJSON.");
        zones.MapPut("/{code}", PutAsync).RequireAuthorization(Policies.Administer)
            .WithSummary("Create or replace a zone: { name, wkt (polygon, lon lat), geocodes: [\"UGC=MNZ053\", ...] }.");
        return app;
    }

    static async Task<IResult> ListAsync(WeatherDbContext db, CancellationToken cancellationToken)
    {
        var features = new FeatureCollection();
        foreach (var zone in await db.Zones.AsNoTracking().OrderBy(z => z.Code).ToListAsync(cancellationToken))
            features.Add(new Feature(zone.Area, new AttributesTable { { "code", zone.Code }, { "name", zone.Name }, { "geocodes", zone.Geocodes } }));
        return Results.Text(JsonSerializer.Serialize(features, GeoJson), "application/geo+json");
    }

    static async Task<IResult> PutAsync(string code, ZoneDefinition body, WeatherDbContext db, CancellationToken cancellationToken)
    {
        if (code.Length > 64 || string.IsNullOrWhiteSpace(body.Name))
            return Problems.BadRequest("A zone needs a code of at most 64 characters and a name.");
        NetTopologySuite.Geometries.Geometry area;
        try
        {
            area = ZoneSeeder.ReadArea(new ZoneDefinition { Code = code, Name = body.Name, Wkt = body.Wkt, Geocodes = body.Geocodes });
        }
        catch (InvalidOperationException e)
        {
            return Problems.Unprocessable(e.Message);
        }
        var zone = await db.Zones.FirstOrDefaultAsync(z => z.Code == code, cancellationToken);
        if (zone is null)
            db.Zones.Add(new Zone { Code = code, Name = body.Name, Area = area, Geocodes = body.Geocodes });
        else
            (zone.Name, zone.Area, zone.Geocodes) = (body.Name, area, body.Geocodes);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Ok(new { code, name = body.Name, geocodes = body.Geocodes });
    }
}
